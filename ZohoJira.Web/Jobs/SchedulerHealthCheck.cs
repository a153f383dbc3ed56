using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace ZohoJira.Web.Jobs;

/// <summary>Ready when the scheduler has started and is not in standby or shut down.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory, IOptions<SchedulerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Scheduler disabled by configuration (Scheduler:Enabled=false).");
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var meta = await scheduler.GetMetadata(cancellationToken);
        return meta.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy(
                $"Scheduler {meta.SchedulerName} running ({meta.JobStoreTypeName}{(meta.JobStoreClustered ? ", clustered" : string.Empty)}).")
            : HealthCheckResult.Unhealthy($"Scheduler {meta.SchedulerName} is {meta.Status}.");
    }
}
