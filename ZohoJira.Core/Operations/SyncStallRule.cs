using ZohoJira.Core.Connections;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>When the sync counts as falling behind or unable to work (the readiness check's Degraded and the dashboard's
/// "stalled"): the oldest waiting work is older than <c>Operations:MaxWaitingAge</c> (default 10 minutes), work is
/// parked for an authentication failure, or Zoho Desk's last token refresh was refused. Pure: figures in, reasons out.</summary>
public static class SyncStallRule
{
    public const string MaxWaitingAgeKey = "Operations:MaxWaitingAge";

    public static readonly TimeSpan DefaultMaxWaitingAge = TimeSpan.FromMinutes(10);

    /// <summary>The reasons the sync is stalled, in plain words; empty when it keeps up. A paused connector's waiting work
    /// is expected to age, so age alone does not count while paused.</summary>
    public static IReadOnlyList<string> Problems(WorkStatistics stats, ZohoConnectionStatus zoho, TimeSpan maxWaitingAge, bool paused = false)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(zoho);
        var problems = new List<string>();
        if (!paused && stats.OldestWaitingAge > maxWaitingAge)
        {
            problems.Add($"the oldest waiting change is {(int)stats.OldestWaitingAge.TotalMinutes} min old (more than {(int)maxWaitingAge.TotalMinutes} min)");
        }

        if (stats.AuthParked > 0)
        {
            problems.Add($"{stats.AuthParked} change(s) wait for a reconnect after an authentication failure");
        }

        if (zoho.IsConnected && zoho.LastAuthError is not null)
        {
            problems.Add("Zoho Desk refused the connector's token: reconnect it");
        }

        return problems;
    }
}
