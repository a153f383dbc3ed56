using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>Jira → Zoho over the simulators: a person works in the sandbox Jira, Jira's webhooks arrive, the inbox turns
/// them into work and the linked Zoho ticket follows; the connector's own changes never come back.</summary>
public sealed class PushingJiraChangesIntoZohoTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private static FieldMapping Map(string jira, string zoho, MappingDirection? direction = null, params ValueMapEntry[] map) =>
        new() { JiraFieldId = jira, ZohoField = zoho, Direction = direction, ValueMap = map };

    private static JsonObject Doc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text, ["marks"] = new JsonArray(new JsonObject { ["type"] = "em" }) }),
        }),
    };

    private async Task<(Link Link, string Ticket, string Key)> LinkedAsync(SmartItemModel model, JsonObject? ticketFields = null, string summary = "Linked issue")
    {
        var itemId = await sync.CreateItemAsync(model);
        var ticket = sync.AddTicket(ticketFields ?? new JsonObject { ["subject"] = summary });
        var issue = await sync.CreateIssueAsync(summary);
        var link = await sync.LinkAsync(itemId, issue, ticket);
        await sync.RegisterJiraWebhookAsync();
        return (link, ticket, issue.Key);
    }

    [Fact]
    public async Task JiraUserEdit_OnTwoWayItem_ReachesTheZohoTicketThroughTheWebhook()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.TwoWay,
            Map("summary", "subject"), Map("description", "description"), Map("priority", "priority"), Map("duedate", "dueDate")));

        await sync.UserJira().EditIssueAsync(key, new JsonObject
        {
            ["summary"] = "Edited in Jira",
            ["description"] = Doc("urgent"),
            ["priority"] = new JsonObject { ["name"] = "High" },
            ["duedate"] = "2026-12-30",
        });
        await sync.SettleJiraAsync();

        var zoho = sync.Ticket(ticket);
        zoho["subject"]!.GetValue<string>().Should().Be("Edited in Jira");
        zoho["description"]!.GetValue<string>().Should().Be("<p><em>urgent</em></p>");
        zoho["priority"]!.GetValue<string>().Should().Be("High");
        zoho["dueDate"]!.GetValue<string>().Should().StartWith("2026-12-30");
        var events = await sync.JiraEventsAsync();
        events.Where(e => e.Payload.Contains(key, StringComparison.Ordinal))
            .Should().ContainSingle(e => e.EventType == JiraWebhookEvents.IssueUpdated && e.Status == InboundEventStatus.Processed);
        var work = (await sync.PushWorkAsync(link)).Should().ContainSingle().Subject;
        work.Status.Should().Be(WorkItemStatus.Done);
        var activity = await sync.ActivityAsync(link);
        activity.Where(a => a.Direction == ActivityDirections.JiraToZoho && a.Outcome == ActivityOutcome.Applied)
            .Select(a => a.Message).Should().HaveCount(4).And.Contain("Set Zoho subject from Jira Summary.");
        await using var db = sync.App.CreateDbContext();
        var ledger = await db.LinkFieldWrites.AsNoTracking().Where(w => w.LinkId == link.Id).ToListAsync();
        ledger.Should().Contain(w => w.Side == LinkFieldWrite.ZohoSide && w.FieldId == "subject" && w.Value == "\"Edited in Jira\"" && w.WorkItemId == work.Id);
        ledger.Should().Contain(w => w.Side == LinkFieldWrite.JiraSide && w.FieldId == "summary" && w.Value == "\"Edited in Jira\"");
    }

    [Fact]
    public async Task ConnectorsOwnJiraEdit_IsIgnored()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.TwoWay, Map("summary", "subject")));

        await (await sync.JiraAsync()).EditIssueAsync(key, new JsonObject { ["summary"] = "Written by the connector" });
        await sync.SettleJiraAsync();

        (await sync.JiraEventsAsync()).Where(e => e.Payload.Contains(key, StringComparison.Ordinal))
            .Should().ContainSingle().Which.Status.Should().Be(InboundEventStatus.Ignored);
        (await sync.PushWorkAsync(link)).Should().BeEmpty();
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Linked issue");
    }

    [Fact]
    public async Task JiraTransition_SetsTheZohoStatus_ByNameThenByType()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.Custom, Map("summary", "subject", MappingDirection.ZohoToJira)) with
        {
            Options = new SyncOptions { Status = true },
        });

        await sync.TransitionAsUserAsync(key, "In Progress");
        await sync.SettleJiraAsync();
        sync.Ticket(ticket)["status"]!.GetValue<string>().Should().Be("On Hold", "no Zoho status is named In Progress; On Hold has its type");

        await sync.TransitionAsUserAsync(key, "Resolved", new JsonObject { ["resolution"] = new JsonObject { ["name"] = "Done" } });
        await sync.SettleJiraAsync();
        sync.Ticket(ticket)["status"]!.GetValue<string>().Should().Be("Closed");

        var applied = (await sync.ActivityAsync(link)).Where(a => a.Kind == "status" && a.Outcome == ActivityOutcome.Applied).ToList();
        applied.Should().HaveCount(2);
        applied[1].Message.Should().Contain("'Closed'").And.Contain("status type");

        // The Zoho → Jira pull that Zoho's webhook for this write would start finds nothing to move.
        await sync.PullAsync(link);
        (await sync.IssueFieldsAsync(key, "status"))["status"]!["name"]!.GetValue<string>().Should().Be("Resolved");
    }

    [Fact]
    public async Task JiraUserEdit_OnOneWayItem_SendsNothingAndSaysSo()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.OneWay, Map("summary", "subject")));

        await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = "Changed in Jira" });
        await sync.SettleJiraAsync();

        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Linked issue");
        (await sync.PushWorkAsync(link)).Should().BeEmpty();
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Direction == ActivityDirections.JiraToZoho
            && a.Outcome == ActivityOutcome.Skipped && a.Message.Contains("one-way") && a.Message.Contains("subject"));
    }

    [Fact]
    public async Task JiraIssueDeleted_StopsTheLinkAndKeepsTheTicket()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.TwoWay, Map("summary", "subject")));

        await sync.DeleteIssueAsUserAsync(key);
        await sync.SettleJiraAsync();

        var stopped = await sync.ReloadAsync(link);
        stopped.BrokenReason.Should().Be(LinkBrokenReason.JiraIssueDeleted);
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Linked issue");
    }

    [Fact]
    public async Task TenAlternatingEdits_AreEachAppliedOnce_WithoutPingPong()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.TwoWay, Map("summary", "subject"), Map("priority", "priority")) with
        {
            Options = new SyncOptions { Status = true },
        }, new JsonObject { ["subject"] = "Start", ["priority"] = "Low" });
        await sync.PullAsync(link); // the first sync: Zoho's values into Jira
        await sync.SettleJiraAsync();
        var updatesBefore = (await sync.JiraEventsAsync()).Count(e => e.EventType == JiraWebhookEvents.IssueUpdated && e.Payload.Contains(key, StringComparison.Ordinal));
        var ignoredBefore = (await sync.JiraEventsAsync()).Count(e => e.Status == InboundEventStatus.Ignored && e.Payload.Contains(key, StringComparison.Ordinal));
        var priorities = new[] { "Medium", "High", "Low" };

        for (var i = 1; i <= 10; i++)
        {
            sync.App.Time.Advance(TimeSpan.FromMinutes(1));
            var text = $"Edit {i} in {(i % 2 == 1 ? "Jira" : "Zoho")}";
            var priority = priorities[i % priorities.Length];
            if (i % 2 == 1)
            {
                await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = text, ["priority"] = new JsonObject { ["name"] = priority } });
            }
            else
            {
                sync.ChangeTicket(ticket, t =>
                {
                    t["subject"] = text;
                    t["priority"] = priority;
                });
                await sync.PullAsync(link); // what Zoho's webhook for the agent's edit starts
            }

            await sync.SettleJiraAsync();
            await sync.PullAsync(link); // what Zoho's webhook for the connector's own write would start: no change
            await sync.SettleJiraAsync();

            sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be(text);
            (await sync.IssueFieldsAsync(key, "summary"))["summary"]!.GetValue<string>().Should().Be(text);
            sync.Ticket(ticket)["priority"]!.GetValue<string>().Should().Be(priority);
        }

        var applied = (await sync.ActivityAsync(link)).Where(a => a.Kind == "field" && a.Outcome == ActivityOutcome.Applied).ToList();
        applied.Count(a => a.Direction == ActivityDirections.JiraToZoho).Should().Be(10, "five Jira edits of two fields each, once each");
        applied.Count(a => a.Direction == ActivityDirections.ZohoToJira).Should().Be(2 + 10, "the first sync, then five Zoho edits of two fields");
        (await sync.ActivityAsync(link)).Should().NotContain(a => a.Outcome == ActivityOutcome.Conflict);
        ((await sync.JiraEventsAsync()).Count(e => e.EventType == JiraWebhookEvents.IssueUpdated && e.Payload.Contains(key, StringComparison.Ordinal)) - updatesBefore)
            .Should().Be(10,
            "five edits by the person and five by the connector: no write ever bounced back");
        ((await sync.JiraEventsAsync()).Count(e => e.Status == InboundEventStatus.Ignored && e.Payload.Contains(key, StringComparison.Ordinal)) - ignoredBefore)
            .Should().Be(5, "each of the connector's own Jira edits came back once as a webhook and was ignored");
    }

    [Fact]
    public async Task TwoWayConflict_TheLaterChangeWins_AndBothValuesAreRecorded()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.TwoWay, Map("summary", "subject")), new JsonObject { ["subject"] = "Agreed" });
        await sync.PullAsync(link);

        // Jira first, Zoho a minute later: Zoho's is the later change.
        await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = "Jira's version" });
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
        sync.ChangeTicket(ticket, t => t["subject"] = "Zoho's version");
        await sync.SettleJiraAsync(); // the Jira event is processed first and yields
        await sync.PullAsync(link);
        await sync.SettleJiraAsync();

        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Zoho's version");
        (await sync.IssueFieldsAsync(key, "summary"))["summary"]!.GetValue<string>().Should().Be("Zoho's version");
        var conflict = (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Outcome == ActivityOutcome.Conflict).Subject;
        conflict.Message.Should().Contain("Jira's version").And.Contain("Zoho's version").And.Contain("Zoho wins");
        conflict.Details.Should().Contain("\"winner\":\"Zoho\"");

        // Zoho first, Jira later: Jira's wins.
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
        sync.ChangeTicket(ticket, t => t["subject"] = "Zoho again");
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
        await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = "Jira again, later" });
        await sync.PullAsync(link); // the Zoho event is processed first and yields
        await sync.SettleJiraAsync();

        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Jira again, later");
        (await sync.IssueFieldsAsync(key, "summary"))["summary"]!.GetValue<string>().Should().Be("Jira again, later");
        (await sync.ActivityAsync(link)).Where(a => a.Outcome == ActivityOutcome.Conflict).Should().HaveCount(2)
            .And.Contain(a => a.Message.Contains("Jira wins") && a.Message.Contains("Zoho again"));
    }

    [Fact]
    public async Task CustomConflict_TheFieldsOwnerWins_EvenAgainstALaterChange()
    {
        var (link, ticket, key) = await LinkedAsync(Item(SyncMode.Custom, Map("summary", "subject", MappingDirection.JiraToZoho)),
            new JsonObject { ["subject"] = "Zoho's first subject" }, summary: "Jira owns this");
        await sync.PushAsync(link); // the first sync: Jira's summary into Zoho
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Jira owns this");

        await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = "Jira's edit" });
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
        sync.ChangeTicket(ticket, t => t["subject"] = "Zoho's later edit");
        await sync.PullAsync(link); // Zoho does not own it: nothing flows to Jira
        await sync.SettleJiraAsync();

        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Jira's edit");
        (await sync.IssueFieldsAsync(key, "summary"))["summary"]!.GetValue<string>().Should().Be("Jira's edit");
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Outcome == ActivityOutcome.Conflict).Which.Message
            .Should().Contain("Jira's edit").And.Contain("Zoho's later edit").And.Contain("Jira owns the field");
    }

    [Fact]
    public async Task JiraComment_IsHandedToTheCommentWork_InTheTransactionThatSettlesTheEvent()
    {
        var (link, _, key) = await LinkedAsync(Item(SyncMode.TwoWay, Map("summary", "subject")) with
        {
            Options = new SyncOptions { Comments = true },
        });
        var source = new RecordingSource();
        var processor = new JiraInboxProcessor(sync.App.Services.GetRequiredService<IDbContextFactory<ZohoJira.Core.Persistence.ZohoJiraDbContext>>(),
            sync.App.Queue(), sync.App.Services.GetRequiredService<WorkSignal>(), [source], sync.App.Time, NullLogger<JiraInboxProcessor>.Instance);

        var comment = await sync.UserJira().AddCommentAsync(key, Doc("Looking into it"));
        await sync.WaitForJiraDeliveriesAsync();
        await processor.ProcessPendingAsync();

        source.Seen.Should().ContainSingle().Which.Should().Be((comment.Id, link.Id));
        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.AsNoTracking().Where(w => w.LinkId == link.Id && w.Kind == RecordingSource.Kind).CountAsync()).Should().Be(1);
        (await sync.JiraEventsAsync()).Where(e => e.EventType == JiraWebhookEvents.CommentCreated && e.Payload.Contains(key, StringComparison.Ordinal))
            .Should().ContainSingle().Which.Status.Should().Be(InboundEventStatus.Processed);
        (await sync.PushWorkAsync(link)).Should().BeEmpty("a comment changes no mapped field");
    }

    private sealed class RecordingSource : IJiraEventWorkSource
    {
        public const string Kind = "test-jira-comment";

        public List<(string? CommentId, Guid LinkId)> Seen { get; } = [];

        public IEnumerable<WorkRequest> WorkFor(JiraWebhookEvent jiraEvent, Link link, SmartItemModel item)
        {
            Seen.Add((jiraEvent.CommentId, link.Id));
            yield return new WorkRequest(Kind, $"{Kind}:{jiraEvent.CommentId}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId), LinkId: link.Id);
        }
    }

    [Fact]
    public async Task WebhookFilter_FollowsTheProjectsItemsUse()
    {
        var connections = sync.App.Services.GetRequiredService<JiraConnectionService>();
        await sync.CreateItemAsync(Item(SyncMode.TwoWay, Map("summary", "subject")));
        await sync.RegisterJiraWebhookAsync();
        (await connections.EnsureWebhookFilterCurrentAsync()).Should().BeFalse("nothing changed since it was registered");
        var before = await connections.GetStatusAsync();

        await sync.CreateItemAsync(Item(SyncMode.TwoWay, Map("summary", "subject")) with { JiraProjectKey = "OPS" });
        var registeredAgain = await connections.EnsureWebhookFilterCurrentAsync();

        registeredAgain.Should().BeTrue();
        var hooks = await (await sync.JiraAsync()).GetWebhooksAsync();
        hooks.Should().ContainSingle().Which.JqlFilter.Should().Contain("OPS").And.Contain("SUP");
        (await connections.GetWebhookVerificationAsync())!.Value.Secret.Should().NotBeNullOrEmpty();
        (await connections.GetStatusAsync())!.WebhookState.Should().Be(JiraWebhookStates.Registered);
        before!.WebhookId.Should().NotBe((await connections.GetStatusAsync())!.WebhookId);
    }
}
