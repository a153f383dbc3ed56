using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>The issue panel clicked through in Chromium by a User (not an admin), against the sandbox.</summary>
public sealed class IssuePanelBrowserTests(SmartItemsBrowserFixture fixture) : IClassFixture<SmartItemsBrowserFixture>
{
    private BrowserFixture Browser => fixture.Browser;

    [Fact]
    public async Task AUser_LinksARecordBySearch_AndByPastedAddress_SeesItsFields_AndUnlinksIt()
    {
        var created = await Browser.App.Services.GetRequiredService<SmartItemService>().CreateAsync(new SmartItemModel
        {
            Name = "Panel browser tickets",
            Mode = SyncMode.DisplayOnly,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            DisplayFields = ["subject", "status", "priority"],
        });
        var itemId = created.Id!.Value;
        var client = await Browser.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var tickets = (await client.ListChangedAsync(ZohoModule.Tickets, DateTimeOffset.UnixEpoch, null)).Items;
        var first = tickets[0];
        var second = tickets[1];
        var page = await Browser.NewPageAsync();
        await page.SetViewportSizeAsync(400, 800);
        await Browser.SignInAsUserAsync(page);

        await page.GotoAsync("/panel/SUP-6");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync($"#panel-link-{itemId}");
        await page.Locator("#panel-search").PressSequentiallyAsync(first.GetString("subject")!);
        await page.ClickAsync($"#panel-choose-{first.Id}");
        await Assertions.Expect(page.Locator($"#panel-open-{itemId}")).ToContainTextAsync(first.Title);
        await Assertions.Expect(page.Locator($"#panel-fields-{itemId}")).ToContainTextAsync("Priority");

        await page.ClickAsync($"#panel-unlink-{itemId}");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Unlink", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#panel-link-{itemId}")).ToBeVisibleAsync();

        await page.ClickAsync($"#panel-link-{itemId}");
        await page.Locator("#panel-search").PressSequentiallyAsync(second.WebUrl!);
        await page.ClickAsync($"#panel-choose-{second.Id}");
        await Assertions.Expect(page.Locator($"#panel-open-{itemId}")).ToContainTextAsync(second.Title);
        await Assertions.Expect(page.Locator("#panel-activity")).ToContainTextAsync("unlinked");
    }
}
