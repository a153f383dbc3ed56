using ZohoJira.Core.Activity;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>Builds the activity entries of one work item on one link: who, what, which way, which attempt.</summary>
internal sealed class SyncActivity(Link link, WorkItem item, DateTime now, string direction = ActivityDirections.ZohoToJira)
{
    private const int MaxMessage = 2000;

    private const int MaxDetails = 4000;

    public List<ActivityEntry> Entries { get; } = [];

    public void Add(string kind, ActivityOutcome outcome, string message, string? details = null) =>
        Entries.Add(new ActivityEntry
        {
            OccurredAt = now,
            SmartItemId = link.SmartItemId,
            LinkId = link.Id,
            JiraIssueKey = link.JiraIssueKey,
            ZohoRecordId = link.ZohoRecordId,
            Direction = direction,
            Kind = kind,
            Outcome = outcome,
            Message = Truncate(message, MaxMessage)!,
            Details = Truncate(details, MaxDetails),
            WorkItemId = item.Id,
            Attempts = item.Attempts,
        });

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
