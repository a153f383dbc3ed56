using Quartz;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Scheduling;

namespace ZohoJira.Web.Jobs;

/// <summary>Deletes activity rows older than <c>Activity:RetentionDays</c>.</summary>
[DisallowConcurrentExecution]
public sealed class PruneActivityJob(ActivityRetentionService retention, JobRunRecorder recorder) : IJob
{
    public const string Name = "prune-activity";

    public static readonly JobKey Key = new(Name, JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await recorder.RunAsync(Name, async ct =>
        {
            var deleted = await retention.PruneAsync(ct);
            var work = await retention.PruneFinishedWorkAsync(ct);
            return (deleted == 1 ? "Deleted 1 activity row" : $"Deleted {deleted} activity rows")
                + (work == 1 ? " and 1 finished work item." : $" and {work} finished work items.");
        }, cancellationToken);
    }
}
