using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.IssuePanel;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Components.Admin.SmartItems;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.IssuePanel;

namespace ZohoJira.Tests.Components.IssuePanel;

/// <summary>The issue panel's states and actions against the app's real services, with Zoho Desk and Jira connected to
/// the simulators. Each test uses its own issue, so the shared app's links do not interfere.</summary>
public sealed class IssuePanelPageTests(WizardAppFixture fixture) : IClassFixture<WizardAppFixture>
{
    private ZohoJiraAppFactory App => fixture.App;

    private SmartItemService Items => App.Services.GetRequiredService<SmartItemService>();

    private IssuePanelService Panel => App.Services.GetRequiredService<IssuePanelService>();

    [Fact]
    public async Task AnIssueJiraDoesNotHave_IsSaidPlainly()
    {
        await using var host = new ComponentHost(App, role: "User");
        var page = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, "SUP-99999"));

        page.WaitForAssertion(() => page.Find("#panel-issue-not-found").TextContent.Should().Contain("no issue SUP-99999"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnIssueNoItemAppliesTo_SaysSo()
    {
        await using var host = new ComponentHost(App, role: "User");
        var page = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, "OPS-1"));

        page.WaitForAssertion(() => page.Find("#panel-no-items").TextContent.Should().Contain("No Smart Connected Item applies"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task NotLinked_LinksBySearch_ThenShowsTheRecord_AndUnlinksAfterConfirmation()
    {
        var issue = await IssueAsync("SUP-3");
        var itemId = await CreateItemAsync(SyncMode.DisplayOnly, "Panel display", issueTypeId: null, display: ["subject", "status", "dueDate", "description"]);
        var ticket = await FreeTicketAsync();
        await using var host = new ComponentHost(App, role: "User");
        var page = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, issue.Key));
        page.WaitForAssertion(() => page.Find($"#panel-link-{itemId}"), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find($"#panel-link-{itemId}").Click());
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Find("#panel-search"));
        await host.Dialogs.InvokeAsync(() => host.Dialogs.Find("#panel-search").Input(ticket.GetString("subject")));
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Find($"#panel-choose-{ticket.Id}"), TimeSpan.FromSeconds(10));
        await host.Dialogs.InvokeAsync(() => host.Dialogs.Find($"#panel-choose-{ticket.Id}").Click());

        page.WaitForAssertion(() => page.Find($"#panel-open-{itemId}").TextContent.Should().Contain(ticket.Title), TimeSpan.FromSeconds(10));
        page.Find($"#panel-open-{itemId}").GetAttribute("href").Should().Be(ticket.WebUrl);
        page.Find($"#panel-fields-{itemId}").TextContent.Should().Contain("Subject").And.Contain(ticket.GetString("status"));
        page.Find("#panel-activity").TextContent.Should().Contain("component-test linked");
        host.SnackbarMessages.Should().Contain(m => m.StartsWith("Linked", StringComparison.Ordinal));

        page.Find($"#panel-unlink-{itemId}").Click();
        host.ClickDialogButton("Unlink");
        page.WaitForAssertion(() => page.Find($"#panel-link-{itemId}"), TimeSpan.FromSeconds(10));
        (await LinksOfAsync(itemId)).Should().BeEmpty();
    }

    [Fact]
    public async Task LinkingASynchronizedItem_SyncsJiraAtOnce_AndRefreshBringsALaterZohoChange()
    {
        var issue = await IssueAsync("SUP-10");
        var itemId = await CreateItemAsync(SyncMode.OneWay, "Panel refresh", JiraSandboxSeed.Bug);
        var ticket = await FreeTicketAsync();
        var jira = (await App.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync())!;

        (await Panel.LinkAsync(itemId, issue, ticket.Id, "someone")).Succeeded.Should().BeTrue();
        await WaitForAsync(async () => (await jira.GetIssueAsync(issue.Key))!.Summary == ticket.GetString("subject"));
        await WaitForAsync(async () => (await jira.GetRemoteLinksAsync(issue.Key)).Any(l => l.Url == ticket.WebUrl && l.StatusLink == $"http://localhost/panel/{issue.Key}"));
        var zohoComments = (await (await App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync()).ListCommentsAsync(ZohoModule.Tickets, ticket.Id)).Items;
        zohoComments.Should().ContainSingle(c => !c.IsPublic && c.Content.Contains(issue.Key, StringComparison.Ordinal), "the record says, privately, which issue it is linked to");

        var zoho = await App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var changed = $"Refreshed subject {Guid.NewGuid():N}"[..30];
        await zoho.UpdateRecordAsync(ZohoModule.Tickets, ticket.Id, new JsonObject { ["subject"] = changed });
        await using var host = new ComponentHost(App, role: "User");
        var page = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, issue.Key));
        page.WaitForAssertion(() => page.Find($"#panel-refresh-{itemId}"), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find($"#panel-refresh-{itemId}").Click());

        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain("Synced from Zoho Desk just now."), TimeSpan.FromSeconds(20));
        page.WaitForAssertion(() => page.Find($"#panel-fields-{itemId}").TextContent.Should().Contain(changed));
        (await jira.GetIssueAsync(issue.Key))!.Summary.Should().Be(changed, "Refresh ran the link's Zoho → Jira sync");
    }

    [Fact]
    public async Task ARecordLinkedToAnotherIssue_IsShownAsSuch_AndCannotBeLinkedTwice()
    {
        var other = await IssueAsync("SUP-6");
        var issue = await IssueAsync("SUP-10");
        var itemId = await CreateItemAsync(SyncMode.TwoWay, "Panel two-way", JiraSandboxSeed.Bug);
        var ticket = await FreeTicketAsync();
        (await Panel.LinkAsync(itemId, other, ticket.Id, "someone")).Succeeded.Should().BeTrue();

        var candidates = await Panel.SearchAsync(itemId, ticket.Id);
        candidates.Should().ContainSingle().Which.LinkedTo.Should().Be(other.Key);

        var again = await Panel.LinkAsync(itemId, issue, ticket.Id, "someone else");
        again.Succeeded.Should().BeFalse();
        again.Message.Should().Contain($"already linked to {other.Key}");
        (await LinksOfAsync(itemId)).Should().ContainSingle();
    }

    [Fact]
    public async Task ARecordCanBeFoundByItsPastedZohoAddress()
    {
        var itemId = await CreateItemAsync(SyncMode.DisplayOnly, "Panel by address", issueTypeId: null, display: ["subject"]);
        var ticket = await FreeTicketAsync();

        var found = await Panel.SearchAsync(itemId, ticket.WebUrl!);

        found.Should().ContainSingle().Which.Id.Should().Be(ticket.Id);
    }

    [Fact]
    public async Task AnAutoManagedLink_HasNoUnlink_AndADeletedRecordShowsAsStopped()
    {
        var issue = await IssueAsync("SUP-3");
        var autoItem = await CreateItemAsync(SyncMode.OneWay, "Panel auto", JiraSandboxSeed.Bug);
        var goneItem = await CreateItemAsync(SyncMode.DisplayOnly, "Panel gone", issueTypeId: null, display: ["subject"]);
        var ticket = await FreeTicketAsync();
        await AddLinkAsync(autoItem, issue, ticket.Id, LinkKind.AutoManaged, broken: false);
        await AddLinkAsync(goneItem, issue, "70812349999999999", LinkKind.Manual, broken: true);

        await using var host = new ComponentHost(App, role: "User");
        var page = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, issue.Key));

        page.WaitForAssertion(() => page.Find($"#panel-auto-{autoItem}").TextContent.Should().Contain("Created automatically"), TimeSpan.FromSeconds(10));
        page.FindAll($"#panel-unlink-{autoItem}").Should().BeEmpty();
        page.Find($"#panel-open-button-{autoItem}");
        page.Find($"#panel-record-gone-{goneItem}").TextContent.Should().Contain("deleted in Zoho Desk; this link is stopped");
        (await Panel.UnlinkAsync((await LinksOfAsync(autoItem)).Single().Id, "someone")).Succeeded.Should().BeFalse();
    }

    [Theory]
    [InlineData(SyncMode.DisplayOnly, false, "SUP", null, "SUP", "10001", true)]
    [InlineData(SyncMode.DisplayOnly, false, "SUP", null, "DEV", "10001", false)]
    [InlineData(SyncMode.TwoWay, false, "SUP", "10001", "SUP", "10001", true)]
    [InlineData(SyncMode.TwoWay, false, "SUP", "10001", "SUP", "10003", false)]
    [InlineData(SyncMode.OneWay, false, "sup", "10001", "SUP", "10001", true)]
    [InlineData(SyncMode.OneWay, true, "SUP", null, "SUP", "10003", true)]
    [InlineData(SyncMode.OneWay, true, "SUP", "10001", "SUP", "10003", false)]
    [InlineData(SyncMode.OneWay, true, "SUP", null, "OPS", "10003", false)]
    public void WhichItemsApply_DisplayByProject_SynchronizedByProjectAndType_LegacyByTheirBroaderScope(
        SyncMode mode, bool legacy, string project, string? issueType, string issueProject, string issueIssueType, bool expected)
    {
        var item = new SmartItemRecord(Guid.NewGuid(), Guid.NewGuid(),
            new SmartItemModel { Name = "x", Mode = mode, JiraProjectKey = project, JiraIssueTypeId = issueType, ZohoModule = "tickets" },
            legacy, null, DateTime.UnixEpoch, DateTime.UnixEpoch);

        IssuePanelService.AppliesTo(item, new PanelIssue("1", issueProject + "-1", issueProject, issueIssueType, null, null, null)).Should().Be(expected);
    }

    [Theory]
    [InlineData("70812340000000123", "70812340000000123")]
    [InlineData(" 70812340000000123 ", "70812340000000123")]
    [InlineData("https://desk.zoho.com/support/acme/ShowHomePage.do#Cases/dv/70812340000000123", "70812340000000123")]
    [InlineData("https://desk.zoho.eu/agent/acme/support/tickets/details/412000000123456", "412000000123456")]
    [InlineData("101", null)]
    [InlineData("Printer on fire", null)]
    [InlineData("https://example.com/help", null)]
    public void RecordIds_AreTakenFromIdsAndAddresses_TicketNumbersAreSearched(string text, string? expected) =>
        IssuePanelService.RecordIdFrom(text).Should().Be(expected);

    [Fact]
    public void Values_AreFormattedForReading_InTheReadersTimeZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        static JsonElement J(string json) => JsonDocument.Parse(json).RootElement.Clone();

        PanelValueFormatter.Text(J("\"2026-03-01T09:30:00.000Z\""), berlin).Should().Be("2026-03-01 10:30 UTC+01:00");
        PanelValueFormatter.Text(J("\"2026-07-01T09:30:00Z\""), TimeZoneInfo.Utc).Should().Be("2026-07-01 09:30 UTC");
        PanelValueFormatter.Text(J("\"2026-03-01\""), berlin).Should().Be("2026-03-01");
        PanelValueFormatter.Text(J("{\"firstName\":\"Mia\",\"lastName\":\"Krystof\",\"email\":\"mia@example.com\"}"), berlin).Should().Be("Mia Krystof");
        PanelValueFormatter.Text(J("[\"Red\",\"Blue\"]"), berlin).Should().Be("Red, Blue");
        PanelValueFormatter.Text(J("null"), berlin).Should().Be("—");
        PanelValueFormatter.Text(J("true"), berlin).Should().Be("Yes");
        PanelValueFormatter.Format(J("\"<p onclick=\\\"x()\\\">Hi<script>alert(1)</script></p>\""), berlin).Value
            .Should().Contain("Hi").And.NotContain("script").And.NotContain("onclick");
        PanelValueFormatter.Format(J("\"a < b & c\""), berlin).Value.Should().Be("a &lt; b &amp; c");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        (await condition()).Should().BeTrue("the engine applies the change within seconds");
    }

    private async Task<PanelIssue> IssueAsync(string key) =>
        (await Panel.LoadAsync(key)).Issue ?? throw new InvalidOperationException($"{key} is not in the sandbox");

    private async Task<Guid> CreateItemAsync(SyncMode mode, string name, string? issueTypeId, IReadOnlyList<string>? display = null)
    {
        var result = await Items.CreateAsync(new SmartItemModel
        {
            Name = $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)],
            Mode = mode,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            JiraIssueTypeId = issueTypeId,
            JiraIssueTypeName = issueTypeId is null ? null : "Bug",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            DisplayFields = display ?? [],
            Mappings = mode == SyncMode.DisplayOnly ? [] :
            [
                new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" },
            ],
        });
        result.Succeeded.Should().BeTrue(result.Message);
        return result.Id!.Value;
    }

    /// <summary>A ticket no other test in this class has taken (each takes the next one).</summary>
    private async Task<ZohoRecord> FreeTicketAsync()
    {
        var client = await App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var tickets = (await client.ListChangedAsync(ZohoModule.Tickets, DateTimeOffset.UnixEpoch, null)).Items;
        lock (Taken)
        {
            var ticket = tickets.First(t => Taken.Add(t.Id));
            return ticket;
        }
    }

    private static readonly HashSet<string> Taken = [];

    private async Task<List<Link>> LinksOfAsync(Guid itemId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        return await db.Links.Where(l => l.SmartItemId == itemId).ToListAsync();
    }

    private async Task AddLinkAsync(Guid itemId, PanelIssue issue, string recordId, LinkKind kind, bool broken)
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        db.Links.Add(new Link
        {
            Id = Guid.NewGuid(),
            SmartItemId = itemId,
            JiraIssueId = issue.Id,
            JiraIssueKey = issue.Key,
            ZohoModule = "tickets",
            ZohoRecordId = recordId,
            Kind = kind,
            CreatedAt = now,
            BrokenAt = broken ? now : null,
        });
        await db.SaveChangesAsync();
    }
}
