using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>The interactive circuit itself: the guard every browser test relies on, and what a person sees when the
/// server goes away.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitTests(BrowserFixture browser)
{
    [Fact]
    public async Task InteractivityGuard_FailsWhenTheClientScriptIsMissing()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);

        // The same page again, but the browser never gets the Blazor client script: the prerendered layout says false forever.
        await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await page.GotoAsync("/admin/users");
        (await page.Locator("[data-interactive='false']").CountAsync()).Should().Be(1, "the prerendered page arrived");
        page.SetDefaultTimeout(4_000);

        var waiting = () => BrowserFixture.WaitForInteractiveAsync(page);

        await waiting.Should().ThrowAsync<TimeoutException>();
    }

    [Fact]
    public async Task ServerGoesAway_TheReconnectDialogShows()
    {
        // Its own app and browser: this test stops the server.
        var own = new BrowserFixture();
        await own.InitializeAsync();
        try
        {
            var page = await own.NewPageAsync();
            await own.SignInAsAdminAsync(page);
            var dialog = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(dialog).ToBeHiddenAsync();

            await own.App.DisposeAsync();

            await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(dialog.Locator("p:visible").First)
                .ToContainTextAsync(new Regex("[Rr]econnect"), new() { Timeout = 30_000 });
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
