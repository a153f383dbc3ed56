using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.SmartItems;
using ZohoJira.Tests.Core.Sync.JiraToZoho;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Web.Jobs;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

/// <summary>The scheduled Jira catch-up over the simulators: when Jira's webhooks are lost, one search per cycle still
/// finds the changed linked issues and their changes reach Zoho; the cursor only moves with the work it enqueued.</summary>
public sealed class CatchingUpWithJiraTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private JiraCatchUpService CatchUp => sync.App.Services.GetRequiredService<JiraCatchUpService>();

    private JiraSandboxFaults JiraFaults => sync.App.Services.GetRequiredService<JiraSandboxFaults>();

    private static SmartItemModel TwoWay() => Item(SyncMode.TwoWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" });

    private async Task<(Link Link, string Ticket, string Key)> LinkedAsync(SmartItemModel model)
    {
        var itemId = await sync.CreateItemAsync(model);
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Linked issue" });
        var issue = await sync.CreateIssueAsync();
        var link = await sync.LinkAsync(itemId, issue, ticket);
        return (link, ticket, issue.Key);
    }

    /// <summary>Reads what earlier tests changed, forgets the work, and moves the clock on.</summary>
    private async Task SettleAsync()
    {
        for (var i = 0; i < 5 && (await CatchUp.RunCycleAsync()).IssuesRead > 0; i++)
        {
        }

        await using var db = sync.App.CreateDbContext();
        await db.WorkItems.ExecuteDeleteAsync();
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
    }

    /// <summary>A person edits the issue in Jira while every webhook delivery is lost.</summary>
    private async Task EditWithWebhooksLostAsync(string key, string summary)
    {
        JiraFaults.DropNextWebhooks(1000);
        try
        {
            await sync.UserJira().EditIssueAsync(key, new JsonObject { ["summary"] = summary });
            await sync.SettleJiraAsync();
        }
        finally
        {
            JiraFaults.Reset();
        }
    }

    private async Task<JiraSyncCursor> CursorAsync()
    {
        await using var db = sync.App.CreateDbContext();
        return await db.JiraSyncCursors.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task WebhooksLost_JiraUserEdit_ReachesZohoAfterTheNextCycle()
    {
        var (link, ticket, key) = await LinkedAsync(TwoWay());
        await sync.RegisterJiraWebhookAsync();
        await SettleAsync();

        await EditWithWebhooksLostAsync(key, "Edited while Jira's webhooks were lost");
        (await sync.PushWorkAsync(link)).Should().BeEmpty("no webhook arrived");
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Linked issue");
        var editedAt = sync.App.Now();
        sync.App.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await CatchUp.RunCycleAsync();
        await sync.Worker().DrainAsync();

        result.Should().BeEquivalentTo(new { Projects = new[] { Project }, IssuesRead = 1, WorkEnqueued = 1, Error = (string?)null });
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Edited while Jira's webhooks were lost");
        var work = (await sync.PushWorkAsync(link)).Should().ContainSingle().Subject;
        work.Status.Should().Be(WorkItemStatus.Done);
        work.Payload.Should().Contain("\"trigger\":\"schedule\"");
        var cursor = await CursorAsync();
        cursor.LastUpdated.Should().BeCloseTo(editedAt, TimeSpan.FromMilliseconds(1), "the cursor moved to the latest change read");
        cursor.UpdatedSince.Should().BeCloseTo(editedAt, TimeSpan.FromMilliseconds(1));
        cursor.Continuation.Should().BeNull();

        var again = await CatchUp.RunCycleAsync();
        again.WorkEnqueued.Should().Be(0, "the edit is in the overlap but was read already");
    }

    [Fact]
    public async Task WebhooksLost_JiraUserCommentAndFile_ReachZohoOnceThroughTheNextCycle()
    {
        var item = TwoWay() with { Options = new SyncOptions { Comments = true, Attachments = true, AttachmentSizeLimitBytes = 1024 * 1024 } };
        var (link, ticket, key) = await LinkedAsync(item);
        await sync.RegisterJiraWebhookAsync();
        await SettleAsync();

        JiraFaults.DropNextWebhooks(1000);
        try
        {
            await sync.UserJira().AddCommentAsync(key, new JsonObject
            {
                ["type"] = "doc",
                ["version"] = 1,
                ["content"] = new JsonArray(new JsonObject
                {
                    ["type"] = "paragraph",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Said while the webhooks were lost" }),
                }),
            });
            await using var file = new MemoryStream(new byte[100]);
            await sync.UserJira().UploadAttachmentAsync(key, "lost-webhook.txt", "text/plain", file);
            await sync.SettleJiraAsync();
        }
        finally
        {
            JiraFaults.Reset();
        }

        sync.App.Time.Advance(TimeSpan.FromMinutes(5));
        await CatchUp.RunCycleAsync();
        await sync.Worker().DrainAsync();
        await CatchUp.RunCycleAsync();
        await sync.Worker().DrainAsync();

        var state = sync.App.State();
        lock (state.Gate)
        {
            state.Comments.GetValueOrDefault(ticket).Should().ContainSingle(c => c["content"]!.GetValue<string>().Contains("Said while the webhooks were lost"),
                "the cycle found the issue changed and the scan found the comment the ledger lacked; the second cycle adds nothing");
            (state.Attachments.GetValueOrDefault(ticket) ?? []).Should().ContainSingle(a => a.Name == "lost-webhook.txt");
        }

        (await sync.PushWorkAsync(link)).Should().NotBeEmpty("the same cycle also queued the issue's field push");
    }

    [Fact]
    public async Task Cycle_NothingChanged_SpendsExactlyOneJiraSearch()
    {
        await LinkedAsync(TwoWay());
        await LinkedAsync(TwoWay());
        await SettleAsync();
        using var counter = new SandboxRequestCounter(sync.App.State());

        for (var cycle = 0; cycle < 3; cycle++)
        {
            var before = counter.Paths.Count;
            var result = await CatchUp.RunCycleAsync();

            result.Should().BeEquivalentTo(new { JiraCalls = 1, WorkEnqueued = 0, Error = (string?)null });
            counter.Paths.Skip(before).Should().ContainSingle()
                .Which.Should().Be($"{JiraSandboxAccounts.SitePath}/rest/api/3/search/jql", "one search, never one call per link");
            sync.App.Time.Advance(TimeSpan.FromMinutes(5));
        }

        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task OneWayLink_EditedWithWebhooksLost_GetsNoWork()
    {
        var (oneWay, ticket, key) = await LinkedAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        var (twoWay, _, twoWayKey) = await LinkedAsync(TwoWay());
        await SettleAsync();

        await EditWithWebhooksLostAsync(key, "Jira edit on a one-way item");
        await EditWithWebhooksLostAsync(twoWayKey, "Jira edit on a two-way item");
        var result = await CatchUp.RunCycleAsync();

        result.IssuesRead.Should().Be(2, "both issues are in the polled project");
        result.WorkEnqueued.Should().Be(1);
        (await sync.PushWorkAsync(twoWay)).Should().ContainSingle();
        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.AnyAsync(w => w.LinkId == oneWay.Id)).Should().BeFalse("nothing flows back on a one-way item");
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Linked issue");
    }

    [Fact]
    public async Task CrashBeforeCommit_LeavesTheCursor_SoTheNextCycleReadsTheChangeAgain()
    {
        var (link, _, key) = await LinkedAsync(TwoWay());
        await SettleAsync();
        await EditWithWebhooksLostAsync(key, "Edited before a crash");
        var before = await CursorAsync();
        var crashing = Service(new ScanSource(crash: true));

        var act = () => crashing.RunCycleAsync();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("crash*");
        (await CursorAsync()).Should().BeEquivalentTo(before, "the page's transaction was rolled back");
        (await sync.PushWorkAsync(link)).Should().BeEmpty();

        var source = new ScanSource(crash: false);
        var result = await Service(source).RunCycleAsync();

        result.WorkEnqueued.Should().Be(2, "the push and the source's scan");
        (await sync.PushWorkAsync(link)).Should().ContainSingle();
        source.Seen.Should().ContainSingle().Which.Should().Be((key, link.Id));
        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync(w => w.LinkId == link.Id && w.Kind == ScanSource.Kind)).Should().Be(1);
        (await CursorAsync()).LastUpdated.Should().BeCloseTo(sync.App.Now(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task JiraFails_KeepsTheCursor_AndTheNextCycleStillSeesTheChange()
    {
        var (link, _, key) = await LinkedAsync(TwoWay());
        await SettleAsync();
        await EditWithWebhooksLostAsync(key, "Edited during an outage");
        var before = await CursorAsync();
        JiraFaults.FailNext(1, 403, pathContains: "search/jql");

        var failed = await CatchUp.RunCycleAsync();

        failed.Succeeded.Should().BeFalse();
        (await CursorAsync()).Should().BeEquivalentTo(before);
        JiraFaults.Reset();
        (await CatchUp.RunCycleAsync()).WorkEnqueued.Should().Be(1);
        (await sync.PushWorkAsync(link)).Should().ContainSingle();
    }

    [Fact]
    public async Task RunNow_TwoWayItem_RunsTheSearch_OneWayItemDoesNot()
    {
        var twoWay = await sync.CreateItemAsync(TwoWay());
        var oneWay = await sync.CreateItemAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));

        var ran = await CatchUp.RunNowAsync(twoWay);

        ran.Should().NotBeNull();
        ran!.Projects.Should().Contain(Project);
        ran.JiraCalls.Should().BeGreaterThan(0);
        (await CatchUp.RunNowAsync(oneWay)).Should().BeNull();
        (await CatchUp.RunNowAsync(Guid.NewGuid())).Should().BeNull();
    }

    [Fact]
    public async Task Job_Triggered_RunsTheCycleOnTheSchedulerAndRecordsTheRun()
    {
        var (link, _, key) = await LinkedAsync(TwoWay());
        await SettleAsync();
        await EditWithWebhooksLostAsync(key, "Seen by the scheduled job");
        var scheduler = await sync.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(JiraCatchUpJob.Key);

        (await WorkTestSupport.EventuallyAsync(async () =>
        {
            await using var db = sync.App.CreateDbContext();
            return await db.WorkItems.AnyAsync(w => w.LinkId == link.Id && w.Kind == JiraPushWork.Kind)
                && await db.JobRuns.AnyAsync(j => j.JobName == JiraCatchUpJob.Name && j.LastSucceeded == true && j.LastFinishedAt != null);
        })).Should().BeTrue();
    }

    private JiraCatchUpService Service(IJiraCatchUpWorkSource source) => new(
        sync.App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>(),
        sync.App.Services.GetRequiredService<JiraConnectionService>(),
        sync.App.Queue(),
        sync.App.Services.GetRequiredService<WorkSignal>(),
        [source],
        sync.App.Time,
        sync.App.Services.GetRequiredService<IOptions<CatchUpOptions>>(),
        NullLogger<JiraCatchUpService>.Instance);

    /// <summary>A comment/attachment scanner as the extension point sees it; can crash mid-commit.</summary>
    private sealed class ScanSource(bool crash) : IJiraCatchUpWorkSource
    {
        public const string Kind = "test-jira-scan";

        public List<(string Key, Guid LinkId)> Seen { get; } = [];

        public IReadOnlyCollection<string> Fields => ["comment"];

        public IEnumerable<WorkRequest> WorkFor(JiraIssue issue, Link link, SmartItemModel item)
        {
            if (crash)
            {
                throw new InvalidOperationException("crash before the commit");
            }

            Seen.Add((issue.Key, link.Id));
            yield return new WorkRequest(Kind, $"{Kind}:{link.Id:N}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId), LinkId: link.Id);
        }
    }
}
