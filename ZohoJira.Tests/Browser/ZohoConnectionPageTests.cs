using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Sandbox.ZohoDesk;

namespace ZohoJira.Tests.Browser;

/// <summary>An admin connects Zoho Desk to the sandbox in Chromium: generate a code, connect, see the summary, revoke,
/// reconnect.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ZohoConnectionPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ConnectWithGeneratedCode_ShowsSummary_RevokeThenReconnect()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/connections/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);

        if (await page.Locator("#zoho-summary").IsVisibleAsync())
        {
            await RevokeAsync(page);
        }

        (await page.Locator("#zoho-scopes-text").InnerTextAsync()).Should().Contain("Desk.tickets.ALL").And.Contain("Desk.webhooks.ALL");
        await ConnectWithGeneratedCodeAsync(page);

        var summary = page.Locator("#zoho-summary");
        (await page.Locator("#zoho-summary-dc").InnerTextAsync()).Should().Be("sandbox");
        (await page.Locator("#zoho-summary-org").InnerTextAsync()).Should().Contain("Zylker Demo (sandbox)");
        (await page.Locator("#zoho-summary-health").InnerTextAsync()).Should().StartWith("Healthy");
        (await summary.InnerTextAsync()).Should().NotContain(ZohoSandboxAccounts.ClientSecret);
        await page.ClickAsync("#zoho-webhook-subscribe");
        await page.Locator("#zoho-webhook-state:has-text('Subscribed')").WaitForAsync();

        await RevokeAsync(page);
        await page.Locator("#zoho-disconnected-note").WaitForAsync();

        await ConnectWithGeneratedCodeAsync(page);
        (await page.Locator("#zoho-summary-org").InnerTextAsync()).Should().Contain("Zylker Demo (sandbox)");
        (await page.Locator("#zoho-webhook-state").InnerTextAsync()).Should().Contain("Not subscribed", "revoking removed the subscription");
    }

    [Fact]
    public async Task SeveralOrganizations_AdminPicksOneThenSeesTheSummary()
    {
        var state = browser.App.Services.GetRequiredService<ZohoSandboxState>();
        lock (state.Gate)
        {
            var other = ZohoSandboxRecordEndpoints.Organization(state);
            other["id"] = "70899999";
            other["companyName"] = "Another portal";
            other["isDefault"] = false;
            state.ExtraOrganizations.Add(other);
        }

        try
        {
            var page = await browser.NewPageAsync();
            await browser.SignInAsAdminAsync(page);
            await page.GotoAsync("/admin/connections/zoho");
            await BrowserFixture.WaitForInteractiveAsync(page);
            if (await page.Locator("#zoho-summary").IsVisibleAsync())
            {
                await page.ClickAsync("#zoho-reconnect");
            }

            await page.ClickAsync("#zoho-generate-code");
            await Assertions.Expect(page.Locator("#zoho-code")).Not.ToHaveValueAsync(string.Empty);
            await page.ClickAsync("#zoho-connect");
            await page.Locator("#zoho-org-picker").WaitForAsync();
            await page.ClickAsync("#zoho-org-select");
            await page.Locator("#zoho-summary").WaitForAsync();

            (await page.Locator("#zoho-summary-org").InnerTextAsync()).Should().Contain("Zylker Demo (sandbox)");
        }
        finally
        {
            lock (state.Gate)
            {
                state.ExtraOrganizations.Clear();
            }
        }
    }

    [Fact]
    public async Task UsedCode_ShowsThePlainWordsError()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/connections/zoho");
        await BrowserFixture.WaitForInteractiveAsync(page);
        if (await page.Locator("#zoho-summary").IsVisibleAsync())
        {
            await page.ClickAsync("#zoho-reconnect");
        }

        await page.ClickAsync("#zoho-generate-code");
        await Assertions.Expect(page.Locator("#zoho-code")).Not.ToHaveValueAsync(string.Empty);
        await page.FillAsync("#zoho-code", "1000.0000000000000000.used");
        await page.ClickAsync("#zoho-connect");

        (await page.Locator("#zoho-connect-error").InnerTextAsync()).Should().Contain("expired or was already used");
    }

    private static async Task ConnectWithGeneratedCodeAsync(IPage page)
    {
        await page.ClickAsync("#zoho-generate-code");
        await Assertions.Expect(page.Locator("#zoho-code")).Not.ToHaveValueAsync(string.Empty);
        await page.ClickAsync("#zoho-connect");
        await page.Locator("#zoho-summary").WaitForAsync();
    }

    private static async Task RevokeAsync(IPage page)
    {
        await page.ClickAsync("#zoho-revoke");
        await page.ClickAsync(".rz-dialog button:has-text('Revoke')");
        await page.Locator("#zoho-connect-card").WaitForAsync();
    }
}
