namespace ZohoJira.Core.Activity;

/// <summary>The <c>Activity</c> configuration section.</summary>
public sealed class ActivityOptions
{
    public const string SectionName = "Activity";

    /// <summary>Activity rows older than this many days are pruned.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the prune job runs (cron, Quartz syntax).</summary>
    public string PruneSchedule { get; set; } = "0 15 3 * * ?";
}
