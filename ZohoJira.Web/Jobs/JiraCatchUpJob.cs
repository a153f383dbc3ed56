using Quartz;
using ZohoJira.Core.Scheduling;
using ZohoJira.Core.Sync.CatchUp;

namespace ZohoJira.Web.Jobs;

/// <summary>The scheduled Jira → Zoho catch-up: one call into <see cref="JiraCatchUpService"/>, which searches Jira once for
/// the issues changed since the last cycle and enqueues their sync (clustered like the Zoho catch-up: one node runs each
/// firing).</summary>
[DisallowConcurrentExecution]
public sealed class JiraCatchUpJob(JiraCatchUpService catchUp, JobRunRecorder recorder) : IJob
{
    public const string Name = "jira-catch-up";

    public static readonly JobKey Key = new(Name, JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await recorder.RunAsync(Name, async ct =>
        {
            var result = await catchUp.RunCycleAsync(ZohoCatchUpService.ScheduleTrigger, ct);
            var summary = result.Projects.Count == 0
                ? "No running two-way or custom item: nothing to read from Jira."
                : $"Read {result.IssuesRead} changed Jira issue(s) in {result.Projects.Count} project(s) with {result.JiraCalls} call(s); enqueued {result.WorkEnqueued} sync(s).";
            return result.Succeeded ? summary : throw new InvalidOperationException(summary + " Failed: " + result.Error);
        }, cancellationToken);
    }
}
