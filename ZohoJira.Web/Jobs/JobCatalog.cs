using Quartz;

namespace ZohoJira.Web.Jobs;

/// <summary>The scheduled jobs the admin pages list, with the words they show.</summary>
public static class JobCatalog
{
    public const string Group = "zohojira";

    public static IReadOnlyList<JobDescriptor> All { get; } =
    [
        new(PruneActivityJob.Key, "Prune activity", "Deletes activity older than the retention period (Activity:RetentionDays)."),
        new(ZohoCatchUpJob.Key, "Zoho catch-up", "Reads Zoho changes once per module in use and syncs linked records into Jira (Sync:CatchUpInterval)."),
        new(JiraCatchUpJob.Key, "Jira catch-up", "Searches Jira once for issues changed since the last cycle in the projects of two-way and custom items and syncs them into Zoho, in case a webhook was lost (Sync:CatchUpInterval)."),
    ];
}

public sealed record JobDescriptor(JobKey Key, string Title, string Description);
