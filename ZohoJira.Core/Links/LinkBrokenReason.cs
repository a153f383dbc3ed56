namespace ZohoJira.Core.Links;

/// <summary>Why a link stopped syncing (<see cref="Link.BrokenAt"/>). Deletions are never mirrored to the other side.</summary>
public enum LinkBrokenReason
{
    /// <summary>The Zoho record was deleted (Zoho answered 404, or sent its delete event).</summary>
    ZohoRecordDeleted = 0,

    /// <summary>The Jira issue was deleted or is no longer visible to the connector.</summary>
    JiraIssueDeleted = 1,
}
