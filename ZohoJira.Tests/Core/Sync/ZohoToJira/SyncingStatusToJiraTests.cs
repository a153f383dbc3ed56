using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

/// <summary>Zoho status → Jira transition, over the simulated Support workflow (Open → In Progress → Waiting for
/// Customer; Resolve from anywhere, which requires a resolution).</summary>
public sealed class SyncingStatusToJiraTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private static SmartItemModel StatusItem(params TransitionFieldDefault[] defaults) =>
        Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }) with
        {
            Options = new SyncOptions { Status = true },
            Status = new StatusSyncSettings { TransitionDefaults = defaults },
        };

    [Fact]
    public async Task Pull_ZohoStatusNamedLikeAJiraStatus_TransitionsTheIssue()
    {
        var itemId = await sync.CreateItemAsync(StatusItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Being worked on", ["status"] = "In Progress", ["statusType"] = "Open" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);

        await sync.PullAsync(link);

        (await (await sync.JiraAsync()).GetIssueAsync(issue.Key, ["status"]))!.Status!.Name.Should().Be("In Progress");
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Kind == "status" && a.Outcome == ActivityOutcome.Applied
            && a.Message.Contains("'Open' to 'In Progress'") && a.Message.Contains("status name"));
        await using var db = sync.App.CreateDbContext();
        (await db.LinkFieldWrites.SingleAsync(w => w.LinkId == link.Id && w.Side == LinkFieldWrite.JiraSide && w.FieldId == "status")).Value.Should().Be("\"In Progress\"");
    }

    [Fact]
    public async Task Pull_ClosedTicket_ResolvesWithTheConfiguredResolution()
    {
        var itemId = await sync.CreateItemAsync(StatusItem(new TransitionFieldDefault("resolution", "Done")));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "All fixed", ["status"] = "Closed", ["statusType"] = "Closed" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);

        await sync.PullAsync(link);

        var read = (await (await sync.JiraAsync()).GetIssueAsync(issue.Key, ["status", "resolution"]))!;
        read.Status!.Name.Should().Be("Resolved");
        read.Fields["resolution"]!["name"]!.GetValue<string>().Should().Be("Done");
        (await sync.WorkItemAsync(link)).Status.Should().Be(WorkItemStatus.Done);
    }

    [Fact]
    public async Task Pull_NoTransitionFits_RecordsTheReasonAndParksWithoutRetrying()
    {
        var itemId = await sync.CreateItemAsync(StatusItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Closed without a resolution", ["status"] = "Closed", ["statusType"] = "Closed" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);

        await sync.PullAsync(link);

        var work = await sync.WorkItemAsync(link);
        work.Status.Should().Be(WorkItemStatus.Parked);
        work.Attempts.Should().Be(1);
        work.LastFailureCategory.Should().Be(FailureCategory.Validation);
        work.LastFailureMessage.Should().Contain("requires Resolution");
        (await (await sync.JiraAsync()).GetIssueAsync(issue.Key, ["status", "summary"]))!.Summary.Should().Be("Closed without a resolution", "fields are applied even when status has no path");
        (await sync.ReloadAsync(link)).LastError.Should().Contain("requires Resolution");
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Kind == "status" && a.Outcome == ActivityOutcome.Failed);

        sync.App.Time.Advance(TimeSpan.FromHours(1));
        await sync.Worker().DrainAsync();
        (await sync.WorkItemAsync(link)).Attempts.Should().Be(1, "a parked item is not retried by itself");
    }
}
