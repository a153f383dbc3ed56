using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Sync.Work;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

/// <summary>Zoho → Jira field sync of one link, as durable work, over the simulated Zoho Desk and Jira Cloud.</summary>
public sealed class PullingZohoChangesIntoJiraTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private static FieldMapping Map(string jira, string zoho, MappingDirection? direction = null, params ValueMapEntry[] map) =>
        new() { JiraFieldId = jira, ZohoField = zoho, Direction = direction, ValueMap = map };

    [Fact]
    public async Task Pull_OneWayItem_WritesConvertedFieldsAndRecordsWhatItWrote()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay,
            Map("summary", "subject"),
            Map("description", "description"),
            Map("priority", "priority", null, new ValueMapEntry("Urgent", "Highest")),
            Map("duedate", "dueDate"),
            Map("labels", "cf_tags"),
            Map("assignee", "cf_owner"),
            Map("customfield_10051", "cf_tier")));
        var ticket = sync.AddTicket(new JsonObject
        {
            ["subject"] = "Printer on fire",
            ["description"] = "<div>Smoke from <b>tray 2</b></div>",
            ["priority"] = "Urgent",
            ["dueDate"] = "2026-12-24T09:00:00.000Z",
            ["cf"] = new JsonObject { ["cf_tags"] = "hardware;big customer", ["cf_owner"] = JiraSandboxAccounts.UserEmail, ["cf_tier"] = "Gold" },
        });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        long runId;
        await using (var db = sync.App.CreateDbContext())
        {
            var run = new SyncRun { SmartItemId = itemId, Trigger = "manual", StartedAt = sync.App.Now() };
            db.SyncRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        await sync.PullAsync(link, runId);

        var fields = await sync.IssueFieldsAsync(issue.Key, "summary", "description", "priority", "duedate", "labels", "assignee", "customfield_10051");
        fields["summary"]!.GetValue<string>().Should().Be("Printer on fire");
        fields["description"]!.ToJsonString().Should().Contain("tray 2").And.Contain("strong");
        fields["priority"]!["name"]!.GetValue<string>().Should().Be("Highest");
        fields["duedate"]!.GetValue<string>().Should().Be("2026-12-24");
        fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().BeEquivalentTo("hardware", "big_customer");
        fields["assignee"]!["accountId"]!.GetValue<string>().Should().Be(JiraSandboxAccounts.UserAccountId);
        fields["customfield_10051"]!["value"]!.GetValue<string>().Should().Be("Gold");

        var work = await sync.WorkItemAsync(link);
        work.Status.Should().Be(WorkItemStatus.Done);
        var activity = await sync.ActivityAsync(link);
        activity.Should().HaveCount(7).And.OnlyContain(a => a.Outcome == ActivityOutcome.Applied && a.Direction == "ZohoToJira"
            && a.Kind == "field" && a.WorkItemId == work.Id && a.Attempts == 1);
        await using (var db = sync.App.CreateDbContext())
        {
            var writes = await db.LinkFieldWrites.Where(w => w.LinkId == link.Id && w.Side == LinkFieldWrite.JiraSide).ToListAsync();
            writes.Select(w => w.FieldId).Should().BeEquivalentTo("summary", "description", "priority", "duedate", "labels", "assignee", "customfield_10051");
            writes.Should().OnlyContain(w => w.Side == LinkFieldWrite.JiraSide && w.WorkItemId == work.Id);
            writes.Single(w => w.FieldId == "summary").Value.Should().Be("\"Printer on fire\"");
            var zohoSide = await db.LinkFieldWrites.Where(w => w.LinkId == link.Id && w.Side == LinkFieldWrite.ZohoSide).ToListAsync();
            zohoSide.Select(w => w.FieldId).Should().BeEquivalentTo(["subject", "description", "priority", "dueDate", "cf_tags", "cf_owner", "cf_tier"],
                "the Zoho values each write came from are the Zoho side's synced values");
            zohoSide.Single(w => w.FieldId == "subject").Value.Should().Be("\"Printer on fire\"");
            (await db.SyncRuns.SingleAsync(r => r.Id == runId)).ChangesApplied.Should().Be(7);
        }

        (await sync.ReloadAsync(link)).LastSyncedAt.Should().Be(sync.App.Now());
    }

    [Fact]
    public async Task Pull_NothingChangedInZoho_SendsNoEdit()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, Map("summary", "subject"), Map("priority", "priority")));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Quiet ticket", ["priority"] = "High" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        await sync.PullAsync(link);
        var updated = (await sync.IssueFieldsAsync(issue.Key, "updated"))["updated"]!.GetValue<string>();
        sync.App.Time.Advance(TimeSpan.FromMinutes(5));

        await sync.PullAsync(link);

        (await sync.IssueFieldsAsync(issue.Key, "updated"))["updated"]!.GetValue<string>().Should().Be(updated);
        (await sync.ActivityAsync(link)).Should().HaveCount(2, "only the first pull wrote anything");
        (await sync.ReloadAsync(link)).LastSyncedAt.Should().Be(sync.App.Now());
    }

    [Fact]
    public async Task Pull_BlankZohoValues_ClearOptionalFieldsAndKeepRequiredOnes()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, Map("summary", "subject"), Map("duedate", "dueDate")));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Has a due date", ["dueDate"] = "2026-12-01T00:00:00.000Z" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        await sync.PullAsync(link);

        sync.ChangeTicket(ticket, t =>
        {
            t["subject"] = "  ";
            t["dueDate"] = null;
        });
        await sync.PullAsync(link);

        var fields = await sync.IssueFieldsAsync(issue.Key, "summary", "duedate");
        fields["summary"]!.GetValue<string>().Should().Be("Has a due date");
        fields["duedate"].Should().BeNull();
        var activity = await sync.ActivityAsync(link);
        activity.Should().Contain(a => a.Outcome == ActivityOutcome.Skipped && a.Message.Contains("blank") && a.Message.StartsWith("Summary"));
        activity.Should().Contain(a => a.Outcome == ActivityOutcome.Applied && a.Message.StartsWith("Cleared Due date"));
    }

    [Fact]
    public async Task Pull_CustomItem_WritesOnlyMappingsThatFlowToJira()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.Custom,
            Map("summary", "subject", MappingDirection.JiraToZoho),
            Map("priority", "priority", MappingDirection.ZohoToJira),
            Map("labels", "cf_tags", MappingDirection.Both)));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Zoho subject", ["priority"] = "Low", ["cf"] = new JsonObject { ["cf_tags"] = "a" } });
        var issue = await sync.CreateIssueAsync("Jira owns the summary");
        var link = await sync.LinkAsync(itemId, issue, ticket);

        await sync.PullAsync(link);

        var fields = await sync.IssueFieldsAsync(issue.Key, "summary", "priority", "labels");
        fields["summary"]!.GetValue<string>().Should().Be("Jira owns the summary");
        fields["priority"]!["name"]!.GetValue<string>().Should().Be("Low");
        fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal("a");
    }

    [Fact]
    public async Task Pull_ZohoRecordDeleted_StopsTheLinkAndKeepsTheIssue()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.TwoWay, Map("summary", "subject")));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Soon gone" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        sync.DeleteTicket(ticket);

        await sync.PullAsync(link);

        var stopped = await sync.ReloadAsync(link);
        stopped.BrokenAt.Should().NotBeNull();
        stopped.BrokenReason.Should().Be(LinkBrokenReason.ZohoRecordDeleted);
        (await sync.IssueFieldsAsync(issue.Key, "summary"))["summary"]!.GetValue<string>().Should().Be("Linked issue");
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Kind == "link" && a.Message.Contains("deleted"));
        (await sync.WorkItemAsync(link)).Status.Should().Be(WorkItemStatus.Done);

        await sync.PullAsync(link);
        (await sync.ActivityAsync(link)).Should().HaveCount(1, "a stopped link does not sync again");
    }

    [Fact]
    public async Task Pull_JiraRateLimited_RecordsTheAttemptAndSucceedsOnRetry()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, Map("summary", "subject")));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "After the limit" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        sync.App.Services.GetRequiredService<JiraSandboxFaults>().FailNext(1, 429, TimeSpan.FromMinutes(2), "jira-burst-based", pathContains: issue.Id + "/editmeta");

        await sync.PullAsync(link);

        var waiting = await sync.WorkItemAsync(link);
        waiting.Status.Should().Be(WorkItemStatus.Ready);
        waiting.LastFailureCategory.Should().Be(FailureCategory.RateLimited);
        waiting.NextAttemptAt.Should().BeOnOrAfter(sync.App.Now().AddMinutes(2));
        (await sync.ReloadAsync(link)).LastError.Should().NotBeNullOrEmpty();
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Outcome == ActivityOutcome.Failed && a.Attempts == 1 && a.WorkItemId == waiting.Id);

        sync.App.Time.Advance(TimeSpan.FromMinutes(3));
        await sync.Worker().DrainAsync();

        (await sync.IssueFieldsAsync(issue.Key, "summary"))["summary"]!.GetValue<string>().Should().Be("After the limit");
        (await sync.WorkItemAsync(link)).Status.Should().Be(WorkItemStatus.Done);
        (await sync.ActivityAsync(link)).Should().Contain(a => a.Outcome == ActivityOutcome.Applied && a.Attempts == 2);
        (await sync.ReloadAsync(link)).LastError.Should().BeNull();
    }
}
