using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Links;

/// <summary>One Jira issue paired with one Zoho record under one Smart Connected Item.</summary>
public sealed class Link
{
    public Guid Id { get; set; }

    public Guid SmartItemId { get; set; }

    public SmartItemDefinition? SmartItem { get; set; }

    public required string JiraIssueId { get; set; }

    public required string JiraIssueKey { get; set; }

    public required string ZohoModule { get; set; }

    public required string ZohoRecordId { get; set; }

    public LinkKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? LastSyncedAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? LastErrorAt { get; set; }

    /// <summary>Set when either side was deleted; the link stops syncing.</summary>
    public DateTime? BrokenAt { get; set; }

    /// <summary>When the Zoho link note and the Jira remote link were added (once per link).</summary>
    public DateTime? AnnouncedAt { get; set; }

    /// <summary>Why the link stopped syncing, when <see cref="BrokenAt"/> is set.</summary>
    public LinkBrokenReason? BrokenReason { get; set; }
}
