using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Jobs;

namespace ZohoJira.Tests.Web.Jobs;

public sealed class PruningActivityTests
{
    [Fact]
    public async Task PruneJob_RunByTheScheduler_DeletesOnlyRowsOlderThanTheRetention_AndRecordsTheRun()
    {
        await using var app = new ZohoJiraAppFactory().With("Activity:RetentionDays", "30").Start();
        app.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(app.Time);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.CreateDbContext())
        {
            foreach (var ageDays in new[] { 1, 10, 29, 31, 45, 400 })
            {
                db.Activity.Add(new ActivityEntry
                {
                    OccurredAt = now.AddDays(-ageDays),
                    Direction = "System",
                    Kind = "test",
                    Outcome = ActivityOutcome.Info,
                    Message = $"{ageDays} days old",
                });
            }

            foreach (var (status, ageDays) in new[] { (WorkItemStatus.Done, 45), (WorkItemStatus.Done, 5), (WorkItemStatus.Parked, 400) })
            {
                db.WorkItems.Add(new WorkItem
                {
                    Kind = "prune-probe",
                    DedupeKey = $"prune:{status}:{ageDays}",
                    OrderingKey = $"prune:{ageDays}",
                    Status = status,
                    CreatedAt = now.AddDays(-ageDays),
                    UpdatedAt = now.AddDays(-ageDays),
                    NextAttemptAt = now.AddDays(-ageDays),
                    FinishedAt = status == WorkItemStatus.Done ? now.AddDays(-ageDays) : null,
                });
            }

            await db.SaveChangesAsync();
        }

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(PruneActivityJob.Key);
        var state = await WaitForRunAsync(app, PruneActivityJob.Name, 1);

        state.LastSucceeded.Should().BeTrue();
        state.LastMessage.Should().Be("Deleted 3 activity rows and 1 finished work item.");
        await using (var db = app.CreateDbContext())
        {
            (await db.Activity.OrderBy(a => a.OccurredAt).Select(a => a.Message).ToListAsync())
                .Should().BeEquivalentTo(["29 days old", "10 days old", "1 days old"]);
            (await db.WorkItems.Where(w => w.Kind == "prune-probe").Select(w => w.DedupeKey).ToListAsync())
                .Should().BeEquivalentTo(["prune:Done:5", "prune:Parked:400"], "parked work is never pruned");
        }

        // A month later on the app's clock the rest is past the retention too. (The scheduler follows the app's clock, so
        // the nightly trigger may fire for the skipped month as well; either run deletes them.)
        app.Time.Advance(TimeSpan.FromDays(31));
        await scheduler.TriggerJob(PruneActivityJob.Key);
        (await WaitForRunAsync(app, PruneActivityJob.Name, 2)).LastSucceeded.Should().BeTrue();
        await using (var db = app.CreateDbContext())
        {
            (await db.Activity.CountAsync()).Should().Be(0);
            (await db.WorkItems.Where(w => w.Kind == "prune-probe").Select(w => w.Status).ToListAsync()).Should().Equal(WorkItemStatus.Parked);
        }
    }

    [Fact]
    public async Task PruneJob_IsScheduled_WithItsConfiguredCron()
    {
        await using var app = new ZohoJiraAppFactory().With("Activity:PruneSchedule", "0 0 4 * * ?").Start();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggersOfJob(PruneActivityJob.Key);
        triggers.Should().ContainSingle().Which.Should().BeAssignableTo<ICronTrigger>()
            .Which.CronExpressionString.Should().Be("0 0 4 * * ?");
    }

    internal static async Task<ZohoJira.Core.Scheduling.JobRunState> WaitForRunAsync(ZohoJiraAppFactory app, string job, int runCount)
    {
        for (var i = 0; i < 150; i++)
        {
            await using var db = app.CreateDbContext();
            var state = await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(j => j.JobName == job);
            if (state is not null && state.RunCount >= runCount && state.LastFinishedAt is not null)
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The job {job} did not record run {runCount} within 15 seconds.");
    }
}
