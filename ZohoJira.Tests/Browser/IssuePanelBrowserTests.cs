using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.JiraCloud;
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
        await page.FillAsync("#panel-search", first.GetString("subject")!);
        await page.ClickAsync("#panel-search-go");
        await page.ClickAsync($"#panel-choose-{first.Id}");
        await Assertions.Expect(page.Locator($"#panel-open-{itemId}")).ToContainTextAsync(first.Title);
        await Assertions.Expect(page.Locator($"#panel-fields-{itemId}")).ToContainTextAsync("Priority");

        await page.ClickAsync($"#panel-unlink-{itemId}");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Unlink", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#panel-link-{itemId}")).ToBeVisibleAsync();

        await page.ClickAsync($"#panel-link-{itemId}");
        await page.FillAsync("#panel-search", second.WebUrl!);
        await page.Keyboard.PressAsync("Enter");
        await page.ClickAsync($"#panel-choose-{second.Id}");
        await Assertions.Expect(page.Locator($"#panel-open-{itemId}")).ToContainTextAsync(second.Title);
        await Assertions.Expect(page.Locator("#panel-activity")).ToContainTextAsync("unlinked");
    }

    [Fact]
    public async Task AUser_LinksById_RefreshesAfterAZohoChange_AndAnAutoManagedLinkHasNoUnlink()
    {
        var items = Browser.App.Services.GetRequiredService<SmartItemService>();
        var oneWay = (await items.CreateAsync(new SmartItemModel
        {
            Name = "Panel browser one-way",
            Mode = SyncMode.OneWay,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            JiraIssueTypeId = JiraSandboxSeed.Bug,
            JiraIssueTypeName = "Bug",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" }],
        })).Id!.Value;
        var client = await Browser.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var tickets = (await client.ListChangedAsync(ZohoModule.Tickets, DateTimeOffset.UnixEpoch, null)).Items;
        var ticket = tickets[5];
        var page = await Browser.NewPageAsync();
        await Browser.SignInAsUserAsync(page);

        await page.GotoAsync("/panel/SUP-10");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync($"#panel-link-{oneWay}");
        await page.FillAsync("#panel-search", ticket.Id);
        await page.ClickAsync("#panel-search-go");
        await page.ClickAsync($"#panel-choose-{ticket.Id}");
        await Assertions.Expect(page.Locator($"#panel-open-{oneWay}")).ToContainTextAsync(ticket.Title);

        var changed = $"Changed in Zoho {Guid.NewGuid():N}"[..28];
        await client.UpdateRecordAsync(ZohoModule.Tickets, ticket.Id, new JsonObject { ["subject"] = changed });
        await page.ClickAsync($"#panel-refresh-{oneWay}");
        await Assertions.Expect(page.Locator($"#panel-fields-{oneWay}")).ToContainTextAsync(changed);
        var jira = (await Browser.App.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync())!;
        (await jira.GetIssueAsync("SUP-10"))!.Summary.Should().Be(changed, "Refresh ran the link's Zoho → Jira sync");
        await Assertions.Expect(page.Locator($"#panel-unlink-{oneWay}")).ToBeVisibleAsync();

        var auto = (await items.CreateAsync(new SmartItemModel
        {
            Name = "Panel browser auto",
            Mode = SyncMode.DisplayOnly,
            JiraProjectKey = "SUP",
            ZohoModule = "tickets",
            DisplayFields = ["subject"],
        })).Id!.Value;
        await using (var db = await Browser.App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync())
        {
            var issue = await db.Links.Where(l => l.SmartItemId == oneWay).Select(l => l.JiraIssueId).SingleAsync();
            db.Links.Add(new Link
            {
                Id = Guid.NewGuid(),
                SmartItemId = auto,
                JiraIssueId = issue,
                JiraIssueKey = "SUP-10",
                ZohoModule = "tickets",
                ZohoRecordId = tickets[6].Id,
                Kind = LinkKind.AutoManaged,
                CreatedAt = DateTime.UnixEpoch,
            });
            await db.SaveChangesAsync();
        }

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"#panel-auto-{auto}")).ToContainTextAsync("Created automatically");
        await Assertions.Expect(page.Locator($"#panel-refresh-{auto}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#panel-unlink-{auto}")).ToHaveCountAsync(0);
    }
}
