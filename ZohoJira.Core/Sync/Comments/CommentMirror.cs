namespace ZohoJira.Core.Sync.Comments;

/// <summary>One row of the comment ledger: a comment of one link's Zoho record and its mirror on the Jira issue (or the
/// other way round), so each comment is mirrored once and a change to it updates the same mirror. A row whose mirror id
/// is still null records the intent to create it: the create was (perhaps) sent but not yet confirmed, and a retry looks
/// for it by the marker property before creating again.</summary>
public sealed class CommentMirror
{
    public long Id { get; set; }

    public Guid LinkId { get; set; }

    /// <summary>Where the comment was first written: one of <see cref="CommentOrigins"/>.</summary>
    public required string Origin { get; set; }

    public string? ZohoCommentId { get; set; }

    public string? JiraCommentId { get; set; }

    /// <summary>A hash of the source comment as last mirrored (content and visibility): an unchanged hash means nothing to do.</summary>
    public string? ContentHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The work item that last wrote the mirror.</summary>
    public long? WorkItemId { get; set; }
}

/// <summary>The values of <see cref="CommentMirror.Origin"/> and <see cref="Attachments.AttachmentMirror.Origin"/>.</summary>
public static class CommentOrigins
{
    /// <summary>Written in Zoho by a person; mirrored to Jira.</summary>
    public const string Zoho = "zoho";

    /// <summary>Written in Jira by a person; mirrored to Zoho.</summary>
    public const string Jira = "jira";

    /// <summary>Written by the connector itself (the Zoho link note): never mirrored.</summary>
    public const string Connector = "connector";
}
