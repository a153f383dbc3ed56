using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Web.Operations;

/// <summary>Degraded (not unhealthy: the app still serves) while the sync falls behind or cannot authenticate: the oldest
/// waiting work is older than <c>Operations:MaxWaitingAge</c> (default 10 minutes), work is parked for an authentication
/// failure, or Zoho Desk's last token refresh was refused.</summary>
public sealed class SyncHealthCheck(WorkQueue queue, ZohoConnectionService zoho, IConfiguration configuration) : IHealthCheck
{
    public static readonly TimeSpan DefaultMaxWaitingAge = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxAge = configuration.GetValue<TimeSpan?>("Operations:MaxWaitingAge") ?? DefaultMaxWaitingAge;
        var stats = await queue.GetStatisticsAsync(cancellationToken);
        var status = await zoho.GetStatusAsync(cancellationToken);
        var problems = new List<string>();
        if (stats.OldestWaitingAge > maxAge)
        {
            problems.Add($"the oldest waiting change is {(int)stats.OldestWaitingAge.TotalMinutes} min old (more than {(int)maxAge.TotalMinutes} min)");
        }

        if (stats.AuthParked > 0)
        {
            problems.Add($"{stats.AuthParked} change(s) wait for a reconnect after an authentication failure");
        }

        if (status.IsConnected && status.LastAuthError is not null)
        {
            problems.Add("Zoho Desk refused the connector's token: reconnect it");
        }

        var data = new Dictionary<string, object>
        {
            ["waiting"] = stats.Ready + stats.Running,
            ["parked"] = stats.Parked,
            ["oldestWaitingSeconds"] = (int)stats.OldestWaitingAge.TotalSeconds,
        };
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"Sync keeping up: {stats.Ready + stats.Running} waiting, {stats.Parked} parked.", data)
            : HealthCheckResult.Degraded("Sync degraded: " + string.Join("; ", problems) + ".", data: data);
    }
}
