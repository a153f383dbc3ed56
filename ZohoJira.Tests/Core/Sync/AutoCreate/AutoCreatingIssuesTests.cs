using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.AutoCreate;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Inbox;
using ZohoJira.Core.Zoho;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.AutoCreate;

/// <summary>New Zoho records become Jira issues, exactly once, however the work is raced or interrupted.</summary>
public sealed class AutoCreatingIssuesTests(SyncApp sync) : IClassFixture<SyncApp>
{
    /// <summary>This test's tickets carry it, and its item's rules ask for it: items of the other tests (same app) leave
    /// them alone.</summary>
    private readonly string _batch = Guid.NewGuid().ToString("N");

    private ZohoCatchUpService CatchUp => sync.App.Services.GetRequiredService<ZohoCatchUpService>();

    private string Ticket(JsonObject fields)
    {
        var cf = fields["cf"] as JsonObject ?? [];
        cf["cf_batch"] = _batch;
        fields["cf"] = cf;
        return sync.AddTicket(fields);
    }

    private SmartItemModel Creating(params FieldMapping[] mappings) =>
        Item(SyncMode.OneWay, mappings.Length > 0 ? mappings :
        [
            new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" },
            new FieldMapping { JiraFieldId = "description", ZohoField = "description" },
            new FieldMapping { JiraFieldId = "priority", ZohoField = "priority" },
        ]) with
        {
            Options = new SyncOptions { AutoCreate = true, AutoCreateBaseline = sync.App.Now().AddMinutes(-1) },
            Rules = new SyncRuleSet
            {
                Rules =
                [
                    new SyncRule { ZohoField = "priority", Operator = RuleOperator.NotEqualTo, Values = ["Low"] },
                    new SyncRule { ZohoField = "cf_batch", Operator = RuleOperator.EqualTo, Values = [_batch] },
                ],
            },
        };

    private static string Marker(string ticket) => AutoCreateWork.Marker(ZohoSandboxState.OrgId, "tickets", ticket);

    private async Task<IReadOnlyList<JiraIssue>> IssuesMarkedAsync(string ticket) =>
        (await (await sync.JiraAsync()).SearchIssuesAsync(new JiraSearchRequest($"project = SUP AND labels = \"{Marker(ticket)}\"", ["summary", "labels", "priority", "description"]))).Items;

    private async Task<List<Link>> LinksAsync(Guid itemId)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.Links.AsNoTracking().Where(l => l.SmartItemId == itemId).ToListAsync();
    }

    /// <summary>Drains with several workers at once, as several instances would.</summary>
    private async Task DrainConcurrentlyAsync(int workers = 3)
    {
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => sync.Worker().DrainAsync())));
        }
    }

    [Fact]
    public async Task Cycle_NewMatchingTicket_BecomesOneLinkedIssueWithItsFieldsMarkerNoteAndRemoteLink()
    {
        var itemId = await sync.CreateItemAsync(Creating());
        var ticket = Ticket(new JsonObject { ["subject"] = "Brand new", ["description"] = "<div>It <b>broke</b></div>", ["priority"] = "High" });
        var notMatching = Ticket(new JsonObject { ["subject"] = "Low priority", ["priority"] = "Low" });
        string old;
        var state = sync.App.State();
        lock (state.Gate)
        {
            old = state.AddRecord("tickets", new JsonObject
            {
                ["subject"] = "Before the baseline",
                ["priority"] = "High",
                ["departmentId"] = state.Departments[0]["id"]!.GetValue<string>(),
                ["modifiedTime"] = ZohoSandboxState.Format(sync.App.Time.GetUtcNow()),
                ["cf"] = new JsonObject { ["cf_batch"] = _batch },
            }, sync.App.Time.GetUtcNow().AddDays(-2))["id"]!.GetValue<string>();
        }

        await CatchUp.RunCycleAsync();
        await sync.Worker().DrainAsync();

        var issue = (await IssuesMarkedAsync(ticket)).Should().ContainSingle().Subject;
        issue.Summary.Should().Be("Brand new");
        issue.Fields["priority"]!["name"]!.GetValue<string>().Should().Be("High", "priority is not on the create screen: the pull after create sets it");
        issue.Fields["description"]!.ToJsonString().Should().Contain("broke");
        (await IssuesMarkedAsync(notMatching)).Should().BeEmpty("the rules leave it out");
        (await IssuesMarkedAsync(old)).Should().BeEmpty("it was created before the baseline");

        var link = (await LinksAsync(itemId)).Should().ContainSingle().Subject;
        link.Kind.Should().Be(LinkKind.AutoManaged);
        link.JiraIssueId.Should().Be(issue.Id);
        link.AnnouncedAt.Should().NotBeNull();
        var remote = await (await sync.JiraAsync()).GetRemoteLinksAsync(issue.Key);
        var recordLink = remote.Should().ContainSingle("one remote link, to the Zoho record; its status icon opens the panel (one write, not two)").Subject;
        recordLink.Url.Should().Contain(ticket);
        recordLink.StatusLink.Should().EndWith($"/panel/{issue.Key}");
        var comments = (await (await sync.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync()).ListCommentsAsync(ZohoJira.Core.Zoho.Models.ZohoModule.Tickets, ticket)).Items;
        comments.Should().ContainSingle(c => c.Content.Contains(issue.Key) && !c.IsPublic);
        await using (var db = sync.App.CreateDbContext())
        {
            (await db.IssueCreateIntents.SingleAsync(i => i.SmartItemId == itemId)).CompletedAt.Should().NotBeNull();
        }

        sync.App.Time.Advance(TimeSpan.FromMinutes(5));
        sync.ChangeTicket(ticket, t => t["subject"] = "Brand new, edited");
        await CatchUp.RunCycleAsync();
        await sync.Worker().DrainAsync();

        (await IssuesMarkedAsync(ticket)).Should().ContainSingle().Which.Summary.Should().Be("Brand new, edited");
        (await LinksAsync(itemId)).Should().ContainSingle();
        (await (await sync.JiraAsync()).GetRemoteLinksAsync(issue.Key)).Should().ContainSingle("announced once per link");
    }

    [Fact]
    public async Task Create_EmptyMappedSummary_FallsBackToNumberAndSubject()
    {
        var itemId = await sync.CreateItemAsync(Creating(new FieldMapping { JiraFieldId = "summary", ZohoField = "cf_title" }));
        var ticket = Ticket(new JsonObject { ["subject"] = "Printer jam", ["priority"] = "High", ["cf"] = new JsonObject { ["cf_title"] = " " } });
        string number;
        lock (sync.App.State().Gate)
        {
            number = sync.App.State().Find("tickets", ticket)!["ticketNumber"]!.GetValue<string>();
        }

        await sync.App.Queue().EnqueueAsync(AutoCreateWork.Create(itemId, "tickets", ticket, "test"));
        await sync.Worker().DrainAsync();

        (await IssuesMarkedAsync(ticket)).Should().ContainSingle().Which.Summary.Should().Be($"#{number} Printer jam");
    }

    [Fact]
    public async Task TwoCyclesRacing_CreateOneIssue()
    {
        var itemId = await sync.CreateItemAsync(Creating());
        var ticket = Ticket(new JsonObject { ["subject"] = "Raced by two cycles", ["priority"] = "High" });

        await Task.WhenAll(Task.Run(() => CatchUp.RunCycleAsync()), Task.Run(() => CatchUp.RunCycleAsync()));
        await Task.WhenAll(Task.Run(() => CatchUp.RunNowAsync(itemId)), DrainConcurrentlyAsync());
        await DrainConcurrentlyAsync();

        (await IssuesMarkedAsync(ticket)).Should().ContainSingle();
        (await LinksAsync(itemId)).Should().ContainSingle(l => l.ZohoRecordId == ticket);
    }

    [Fact]
    public async Task WebhookRacingPoll_CreateOneIssue()
    {
        var itemId = await sync.CreateItemAsync(Creating());
        var ticket = Ticket(new JsonObject { ["subject"] = "Raced by a webhook", ["priority"] = "High" });
        var added = new JsonObject { ["eventType"] = "Ticket_Add", ["orgId"] = ZohoSandboxState.OrgId, ["payload"] = new JsonObject { ["id"] = ticket } }.ToJsonString();
        await sync.App.Services.GetRequiredService<InboundEventStore>().TryAddAsync(InboundEventStore.ZohoSource, "race:" + ticket, "Ticket_Add", added);
        var inbox = sync.App.Services.GetRequiredService<ZohoInboxProcessor>();

        await Task.WhenAll(Task.Run(() => inbox.ProcessPendingAsync()), Task.Run(() => CatchUp.RunCycleAsync()), DrainConcurrentlyAsync());
        await DrainConcurrentlyAsync();

        (await IssuesMarkedAsync(ticket)).Should().ContainSingle();
        (await LinksAsync(itemId)).Should().ContainSingle(l => l.ZohoRecordId == ticket);
    }

    [Fact]
    public async Task Create_AfterACrashBetweenJiraAndOurCommit_AdoptsTheIssueEvenWhenSearchLags()
    {
        var itemId = await sync.CreateItemAsync(Creating());
        var ticket = Ticket(new JsonObject { ["subject"] = "Interrupted", ["priority"] = "High" });

        // What a worker killed after Jira's answer leaves behind: the intent, and an issue carrying the marker, no link.
        await using (var db = sync.App.CreateDbContext())
        {
            db.IssueCreateIntents.Add(new IssueCreateIntent
            {
                SmartItemId = itemId,
                ZohoModule = "tickets",
                ZohoRecordId = ticket,
                Marker = Marker(ticket),
                CreatedAt = sync.App.Now(),
            });
            await db.SaveChangesAsync();
        }

        var orphan = await (await sync.JiraAsync()).CreateIssueAsync(new JiraIssueCreate(Project, TaskType,
            new JsonObject { ["summary"] = "Interrupted", ["labels"] = new JsonArray(Marker(ticket)) }));
        sync.App.Services.GetRequiredService<JiraSandboxFaults>().LagSearchNext(2);

        await sync.App.Queue().EnqueueAsync(AutoCreateWork.Create(itemId, "tickets", ticket, "retry"));
        await sync.Worker().DrainAsync();

        (await IssuesMarkedAsync(ticket)).Should().ContainSingle().Which.Id.Should().Be(orphan.Id);
        var link = (await LinksAsync(itemId)).Should().ContainSingle().Subject;
        link.JiraIssueKey.Should().Be(orphan.Key);
        (await sync.ActivityAsync(link)).Should().Contain(a => a.Message.StartsWith("Adopted " + orphan.Key));
    }
}
