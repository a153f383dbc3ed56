using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Web.Operations;

/// <summary>Degraded (not unhealthy: the app still serves) while the sync falls behind or cannot authenticate, by
/// <see cref="SyncStallRule"/>: the oldest waiting work is older than <c>Operations:MaxWaitingAge</c> (default 10
/// minutes; not while an admin has paused the connector), work is parked for an authentication failure, or Zoho Desk's
/// last token refresh was refused.</summary>
public sealed class SyncHealthCheck(WorkQueue queue, ZohoConnectionService zoho, ConnectorPauseService pause, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxAge = configuration.GetValue<TimeSpan?>(SyncStallRule.MaxWaitingAgeKey) ?? SyncStallRule.DefaultMaxWaitingAge;
        var stats = await queue.GetStatisticsAsync(cancellationToken);
        var status = await zoho.GetStatusAsync(cancellationToken);
        var paused = (await pause.GetAsync(cancellationToken)).Paused;
        var problems = SyncStallRule.Problems(stats, status, maxAge, paused);
        var data = new Dictionary<string, object>
        {
            ["waiting"] = stats.Ready + stats.Running,
            ["parked"] = stats.Parked,
            ["oldestWaitingSeconds"] = (int)stats.OldestWaitingAge.TotalSeconds,
            ["paused"] = paused,
        };
        var summary = $"{stats.Ready + stats.Running} waiting, {stats.Parked} parked";
        return problems.Count == 0
            ? HealthCheckResult.Healthy(paused ? $"Sync paused by an admin: {summary}." : $"Sync keeping up: {summary}.", data)
            : HealthCheckResult.Degraded("Sync degraded: " + string.Join("; ", problems) + ".", data: data);
    }
}
