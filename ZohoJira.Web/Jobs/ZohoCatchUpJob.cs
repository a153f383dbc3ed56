using Quartz;
using ZohoJira.Core.Scheduling;
using ZohoJira.Core.Sync.CatchUp;

namespace ZohoJira.Web.Jobs;

/// <summary>The scheduled Zoho → Jira catch-up: one call into <see cref="ZohoCatchUpService"/>, which reads each module in
/// use once and enqueues the work (clustered: one node runs each firing).</summary>
[DisallowConcurrentExecution]
public sealed class ZohoCatchUpJob(ZohoCatchUpService catchUp, JobRunRecorder recorder) : IJob
{
    public const string Name = "zoho-catch-up";

    public static readonly JobKey Key = new(Name, JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await recorder.RunAsync(Name, async ct =>
        {
            var results = await catchUp.RunCycleAsync(ZohoCatchUpService.ScheduleTrigger, ct);
            var failed = results.Where(r => !r.Succeeded).ToList();
            var summary = $"Read {results.Sum(r => r.RecordsRead)} changed Zoho records in {results.Count} module(s) with {results.Sum(r => r.ZohoCalls)} call(s); enqueued {results.Sum(r => r.WorkEnqueued)} sync(s).";
            return failed.Count == 0
                ? summary
                : throw new InvalidOperationException(summary + " Failed: " + string.Join("; ", failed.Select(f => $"{f.ZohoModule}: {f.Error}")));
        }, cancellationToken);
    }
}
