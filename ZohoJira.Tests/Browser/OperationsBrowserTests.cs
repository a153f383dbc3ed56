using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>An app of its own with Zoho and Jira connected to the simulators and its hosted worker running, behind
/// Chromium: the operations pages with real parked work.</summary>
public sealed class OperationsBrowserFixture : BrowserFixture
{
    public OperationsBrowserFixture()
        : base(app => app.With("Sync:Workers", "1"))
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ZohoSandboxConnection.ConnectAsync(App);
        await App.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            BaseUrl + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class OperationsBrowserTests(OperationsBrowserFixture browser) : IClassFixture<OperationsBrowserFixture>
{
    private ZohoJiraAppFactory App => browser.App;

    [Fact]
    public async Task AParkedItem_AppearsOnProblems_AndRetryAfterFixingTheCause_ClearsIt()
    {
        var (itemId, link, issueKey) = await LinkClosedTicketAsync();
        var work = await ParkedPullAsync(link);
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);

        await page.GotoAsync("/admin/problems");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"#problem-{work}")).ToContainTextAsync("Parked after 1 attempt(s)");
        await Assertions.Expect(page.Locator(".zj-problem-group", new() { Has = page.Locator($"#problem-{work}") }))
            .ToContainTextAsync("requires Resolution", new() { Timeout = 10_000 });

        // The admin fixes the cause: the item gets a default resolution for transitions that require one.
        var items = App.Services.GetRequiredService<SmartItemService>();
        var record = (await items.GetAsync(itemId))!;
        var fixedModel = record.Definition with { Status = new StatusSyncSettings { TransitionDefaults = [new TransitionFieldDefault("resolution", "Done")] } };
        (await items.UpdateAsync(itemId, record.Version, fixedModel)).Id.Should().NotBeNull();

        await page.ClickAsync($"#problem-retry-{work}");

        (await WorkTestSupport.EventuallyAsync(async () => await StatusOfAsync(work) == WorkItemStatus.Done, App, seconds: 20))
            .Should().BeTrue("the hosted worker retries the item and the transition now succeeds");
        await page.ClickAsync("#problems-reload");
        await Assertions.Expect(page.Locator($"#problem-{work}")).ToHaveCountAsync(0);
        var jira = (await App.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync())!;
        (await jira.GetIssueAsync(issueKey, ["status"]))!.Status!.Name.Should().Be("Resolved");
    }

    [Fact]
    public async Task SkippingAParkedItem_RecordsWhoSkippedWhat_InTheActivity()
    {
        var (_, link, issueKey) = await LinkClosedTicketAsync();
        var work = await ParkedPullAsync(link);
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/problems");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"#problem-{work}")).ToBeVisibleAsync();

        await page.ClickAsync($"#problem-skip-{work}");

        await Assertions.Expect(page.Locator($"#problem-{work}")).ToHaveCountAsync(0);
        (await StatusOfAsync(work)).Should().Be(WorkItemStatus.Done);
        await using var db = App.CreateDbContext();
        var skip = await db.Activity.AsNoTracking().SingleAsync(a => a.LinkId == link.Id && a.Kind == "skip");
        skip.Outcome.Should().Be(ActivityOutcome.Skipped);
        skip.Message.Should().StartWith($"demo-admin skipped {ZohoPullWork.Kind} work #{work}").And.Contain("requires Resolution");
        skip.JiraIssueKey.Should().Be(issueKey);
    }

    [Fact]
    public async Task TheDashboard_FollowsAppliedWorkLive_AndPauseHoldsItUntilResume()
    {
        var (_, link, _) = await LinkTicketAsync("Open", "Open");
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var applied = page.Locator("#dashboard-applied");
        await Assertions.Expect(applied).ToContainTextAsync("Zoho → Jira");
        var before = await AppliedZohoToJiraAsync();
        await Assertions.Expect(applied).ToContainTextAsync($"{before} Zoho → Jira");

        await page.ClickAsync("#connector-pause");
        await Assertions.Expect(page.Locator("#connector-condition")).ToHaveAttributeAsync("data-condition", "Paused");
        await Assertions.Expect(page.Locator("#connector-paused")).ToContainTextAsync("Paused by demo-admin");
        ChangeTicket(link.ZohoRecordId, "Changed while paused");
        var work = (await App.Queue().EnqueueAsync(ZohoPullWork.For(link) with { ReceivedAt = App.Now() })).Id;
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await StatusOfAsync(work)).Should().Be(WorkItemStatus.Ready, "a paused connector runs nothing; the change waits");

        await page.ClickAsync("#connector-resume");

        (await WorkTestSupport.EventuallyAsync(async () => await StatusOfAsync(work) == WorkItemStatus.Done, seconds: 20)).Should().BeTrue();
        var after = await AppliedZohoToJiraAsync();
        after.Should().BeGreaterThan(before);
        await Assertions.Expect(applied).ToContainTextAsync($"{after} Zoho → Jira", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#sync-latency")).ToContainTextAsync("p50", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task TheReadinessCheck_TurnsDegradedAndBack_AsTheDashboardShowsStalled()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        (await ReadinessAsync(page)).Should().Contain("\"status\":\"Healthy\"");
        var waiting = await App.Queue().EnqueueAsync(new WorkRequest("no-handler-here", $"stuck:{Guid.NewGuid():N}", "stuck:record"));
        App.Time.Advance(TimeSpan.FromMinutes(11));

        var degraded = await ReadinessAsync(page);
        degraded.Should().Contain("\"status\":\"Degraded\"").And.Contain("the oldest waiting change is 11 min old");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#connector-condition")).ToHaveAttributeAsync("data-condition", "Stalled");
        await Assertions.Expect(page.Locator("#connector-stalled")).ToContainTextAsync("11 min old");

        await using (var db = App.CreateDbContext())
        {
            await db.WorkItems.Where(w => w.Id == waiting.Id).ExecuteDeleteAsync();
        }

        (await ReadinessAsync(page)).Should().Contain("\"status\":\"Healthy\"");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#connector-condition")).ToHaveAttributeAsync("data-condition", "Idle");
    }

    private static async Task<string> ReadinessAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/health/ready");
        return await response.TextAsync();
    }

    private async Task<(Guid ItemId, Link Link, string IssueKey)> LinkClosedTicketAsync() => await LinkTicketAsync("Closed", "Closed");

    /// <summary>A status-syncing item, a ticket in the simulated Zoho Desk, a Jira issue, and a link between them.</summary>
    private async Task<(Guid ItemId, Link Link, string IssueKey)> LinkTicketAsync(string status, string statusType)
    {
        var model = new SmartItemModel
        {
            Name = "Ops browser " + Guid.NewGuid().ToString("N")[..6],
            Mode = SyncMode.OneWay,
            JiraProjectKey = "SUP",
            JiraIssueTypeId = "10002",
            ZohoModule = "tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }],
            Options = new SyncOptions { Status = true },
            Status = new StatusSyncSettings(),
        };
        var created = await App.Services.GetRequiredService<SmartItemService>().CreateAsync(model);
        created.Id.Should().NotBeNull(string.Join("; ", created.Issues.Select(i => i.Message)));
        string ticket;
        var state = App.State();
        lock (state.Gate)
        {
            ticket = state.AddRecord("tickets", new JsonObject
            {
                ["subject"] = "Operations in the browser",
                ["status"] = status,
                ["statusType"] = statusType,
                ["departmentId"] = state.Departments[0]["id"]!.GetValue<string>(),
            })["id"]!.GetValue<string>();
        }

        var jira = (await App.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync())!;
        var issue = await jira.CreateIssueAsync(new JiraIssueCreate("SUP", "10002", new JsonObject { ["summary"] = "Linked for operations" }));
        var link = new Link
        {
            Id = Guid.NewGuid(),
            SmartItemId = created.Id!.Value,
            JiraIssueId = issue.Id,
            JiraIssueKey = issue.Key,
            ZohoModule = "tickets",
            ZohoRecordId = ticket,
            CreatedAt = App.Now(),
        };
        await using var db = App.CreateDbContext();
        db.Links.Add(link);
        await db.SaveChangesAsync();
        return (created.Id!.Value, link, issue.Key);
    }

    private void ChangeTicket(string id, string subject)
    {
        var state = App.State();
        lock (state.Gate)
        {
            var ticket = state.Find("tickets", id)!;
            ticket["subject"] = subject;
            state.Touch(ticket);
        }
    }

    /// <summary>Enqueues the link's pull as a webhook would and waits until the hosted worker parked it.</summary>
    private async Task<long> ParkedPullAsync(Link link)
    {
        var work = (await App.Queue().EnqueueAsync(ZohoPullWork.For(link) with { ReceivedAt = App.Now() })).Id;
        (await WorkTestSupport.EventuallyAsync(async () => await StatusOfAsync(work) == WorkItemStatus.Parked, seconds: 20))
            .Should().BeTrue("no transition to Resolved fits without a resolution");
        return work;
    }

    private async Task<WorkItemStatus> StatusOfAsync(long id)
    {
        await using var db = App.CreateDbContext();
        return await db.WorkItems.AsNoTracking().Where(w => w.Id == id).Select(w => w.Status).SingleAsync();
    }

    private async Task<int> AppliedZohoToJiraAsync()
    {
        var since = App.Now().AddHours(-23);
        var first = new DateTime(since.Year, since.Month, since.Day, since.Hour, 0, 0, DateTimeKind.Utc);
        await using var db = App.CreateDbContext();
        return await db.Activity.AsNoTracking().CountAsync(a => a.OccurredAt >= first && a.Outcome == ActivityOutcome.Applied
            && a.Direction == ActivityDirections.ZohoToJira);
    }
}
