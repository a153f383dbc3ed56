using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>The connector's sync health at one moment, for the Overview: the queue, what happened in the last 24 hours
/// each way, and each item's last run.</summary>
public sealed record SyncHealth(
    WorkStatistics Queue,
    int AppliedZohoToJira24h,
    int AppliedJiraToZoho24h,
    int Failed24h,
    int Skipped24h,
    IReadOnlyList<SyncItemHealth> Items,
    DateTime TakenAt);
