using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Web.Jobs;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

/// <summary>The scheduled catch-up reads each Zoho module once per cycle and turns linked changes into work.</summary>
public sealed class CatchingUpWithZohoTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private ZohoCatchUpService CatchUp => sync.App.Services.GetRequiredService<ZohoCatchUpService>();

    private long ZohoCalls => sync.App.State().ApiCalls;

    private static SmartItemModel SummaryItem() => Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" });

    /// <summary>Runs cycles until the module has nothing new (earlier tests' tickets), then moves the clock on.</summary>
    private async Task SettleAsync()
    {
        await CatchUp.RunCycleAsync();
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
        await CatchUp.RunCycleAsync();
        await using var db = sync.App.CreateDbContext();
        await db.WorkItems.ExecuteDeleteAsync();
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Cycle_ChangedLinkedTicket_EnqueuesItsPullAndRecordsTheRun()
    {
        var itemId = await sync.CreateItemAsync(SummaryItem());
        var changed = sync.AddTicket(new JsonObject { ["subject"] = "Before" });
        var quiet = sync.AddTicket(new JsonObject { ["subject"] = "Quiet" });
        var unlinked = sync.AddTicket(new JsonObject { ["subject"] = "Not linked" });
        var changedLink = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), changed);
        var quietLink = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), quiet);
        await SettleAsync();
        sync.ChangeTicket(changed, t => t["subject"] = "Changed while nobody listened");
        sync.ChangeTicket(unlinked, t => t["subject"] = "Also changed");
        var callsBefore = ZohoCalls;

        var results = await CatchUp.RunCycleAsync();

        ZohoCalls.Should().Be(callsBefore + 1, "one query for the tickets module");
        results.Should().ContainSingle().Which.Should().Be(new CatchUpResult("tickets", 1, 2, 1, null));
        await using (var db = sync.App.CreateDbContext())
        {
            (await db.WorkItems.Where(w => w.LinkId == changedLink.Id).CountAsync()).Should().Be(1);
            (await db.WorkItems.AnyAsync(w => w.LinkId == quietLink.Id)).Should().BeFalse();
        }

        await sync.Worker().DrainAsync();
        (await sync.IssueFieldsAsync(changedLink.JiraIssueKey, "summary"))["summary"]!.GetValue<string>().Should().Be("Changed while nobody listened");
        await using (var db = sync.App.CreateDbContext())
        {
            var run = await db.SyncRuns.Where(r => r.SmartItemId == itemId).OrderByDescending(r => r.Id).FirstAsync();
            run.Trigger.Should().Be("schedule");
            run.Outcome.Should().Be(SyncRunOutcome.Succeeded);
            run.RecordsRead.Should().Be(2);
            run.ChangesApplied.Should().Be(1);
            run.FinishedAt.Should().Be(sync.App.Now());
        }
    }

    [Fact]
    public async Task Cycle_NothingChanged_SpendsOneZohoCallPerModuleWhateverTheItems()
    {
        var first = await sync.CreateItemAsync(SummaryItem());
        var second = await sync.CreateItemAsync(SummaryItem());
        foreach (var item in new[] { first, second })
        {
            await sync.LinkAsync(item, await sync.CreateIssueAsync(), sync.AddTicket(new JsonObject { ["subject"] = "Idle" }));
        }

        await SettleAsync();

        for (var cycle = 0; cycle < 3; cycle++)
        {
            var callsBefore = ZohoCalls;
            var results = await CatchUp.RunCycleAsync();
            ZohoCalls.Should().Be(callsBefore + 1);
            results.Should().ContainSingle().Which.WorkEnqueued.Should().Be(0);
            sync.App.Time.Advance(TimeSpan.FromMinutes(5));
        }

        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Cycle_ZohoFails_KeepsTheCursorSoTheNextCycleStillSeesTheChange()
    {
        var itemId = await sync.CreateItemAsync(SummaryItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Before" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        await SettleAsync();
        sync.ChangeTicket(ticket, t => t["subject"] = "After an outage");
        sync.App.Faults().FailNext(1, 403, "FORBIDDEN");

        var failed = await CatchUp.RunCycleAsync();

        failed.Should().ContainSingle().Which.Succeeded.Should().BeFalse();
        await using (var db = sync.App.CreateDbContext())
        {
            (await db.SmartItems.SingleAsync(i => i.Id == itemId)).LastError.Should().NotBeNullOrEmpty();
            (await db.SyncRuns.Where(r => r.SmartItemId == itemId).OrderByDescending(r => r.Id).FirstAsync()).Outcome.Should().Be(SyncRunOutcome.Failed);
            (await db.WorkItems.AnyAsync(w => w.LinkId == link.Id)).Should().BeFalse();
        }

        sync.App.Faults().Reset();
        sync.App.Time.Advance(TimeSpan.FromMinutes(5));
        var recovered = await CatchUp.RunCycleAsync();

        recovered.Should().ContainSingle().Which.WorkEnqueued.Should().Be(1);
        await using (var db = sync.App.CreateDbContext())
        {
            (await db.SmartItems.SingleAsync(i => i.Id == itemId)).LastError.Should().BeNull();
        }
    }

    [Fact]
    public async Task RunNow_ItemOfTheModule_ReadsTheSharedModuleQueryAsAManualRun()
    {
        var itemId = await sync.CreateItemAsync(SummaryItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Before" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        await SettleAsync();
        sync.ChangeTicket(ticket, t => t["subject"] = "Now");

        var result = await CatchUp.RunNowAsync(itemId);

        result!.WorkEnqueued.Should().Be(1);
        await using var db = sync.App.CreateDbContext();
        (await db.SyncRuns.Where(r => r.SmartItemId == itemId).OrderByDescending(r => r.Id).FirstAsync()).Trigger.Should().Be("manual");
        (await db.WorkItems.SingleAsync(w => w.LinkId == link.Id)).Status.Should().Be(WorkItemStatus.Ready);
        (await CatchUp.RunNowAsync(Guid.NewGuid())).Should().BeNull();
    }

    [Fact]
    public async Task Refresh_OneLink_SyncsThroughTheWorkPathAndWaitsForIt()
    {
        var itemId = await sync.CreateItemAsync(SummaryItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Refreshed from the panel" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        var refresh = sync.App.Services.GetRequiredService<LinkRefreshService>();

        var refreshing = refresh.RefreshAsync(link.Id, TimeSpan.FromSeconds(20));
        while (!refreshing.IsCompleted)
        {
            await sync.Worker().DrainAsync();
            await Task.Delay(20);
        }

        var result = await refreshing;
        result.Outcome.Should().Be(LinkRefreshOutcome.Synced);
        (await sync.IssueFieldsAsync(link.JiraIssueKey, "summary"))["summary"]!.GetValue<string>().Should().Be("Refreshed from the panel");
        await using var db = sync.App.CreateDbContext();
        var work = await db.WorkItems.SingleAsync(w => w.Id == result.WorkItemId);
        work.Payload.Should().Contain("\"trigger\":\"panel\"");

        sync.DeleteTicket(ticket);
        var stopping = refresh.RefreshAsync(link.Id, TimeSpan.FromSeconds(20));
        while (!stopping.IsCompleted)
        {
            await sync.Worker().DrainAsync();
            await Task.Delay(20);
        }

        (await stopping).Outcome.Should().Be(LinkRefreshOutcome.Stopped);
        (await refresh.RefreshAsync(link.Id)).Outcome.Should().Be(LinkRefreshOutcome.Stopped);
    }

    [Fact]
    public async Task Job_Triggered_RunsTheCycleOnTheSchedulerAndRecordsTheRun()
    {
        var itemId = await sync.CreateItemAsync(SummaryItem());
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Before" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        await SettleAsync();
        sync.ChangeTicket(ticket, t => t["subject"] = "Seen by the scheduled job");
        var scheduler = await sync.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(ZohoCatchUpJob.Key);

        (await WorkTestSupport.EventuallyAsync(async () =>
        {
            await using var db = sync.App.CreateDbContext();
            return await db.WorkItems.AnyAsync(w => w.LinkId == link.Id)
                && await db.JobRuns.AnyAsync(j => j.JobName == ZohoCatchUpJob.Name && j.LastSucceeded == true && j.LastFinishedAt != null);
        })).Should().BeTrue();
    }
}
