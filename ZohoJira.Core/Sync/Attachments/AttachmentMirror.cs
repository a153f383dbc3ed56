namespace ZohoJira.Core.Sync.Attachments;

/// <summary>One row of the attachment ledger: a file of one link's Zoho record (or one of its ticket's threads) and its
/// copy on the Jira issue, or the other way round; a skipped file is recorded too, so the skip is reported once. A
/// <see cref="AttachmentMirrorState.Pending"/> row records the intent to upload: a retry first looks on the issue for the
/// file before uploading again.</summary>
public sealed class AttachmentMirror
{
    public long Id { get; set; }

    public Guid LinkId { get; set; }

    /// <summary>Where the file was first attached: one of <see cref="Comments.CommentOrigins"/>.</summary>
    public required string Origin { get; set; }

    public string? ZohoAttachmentId { get; set; }

    /// <summary>The ticket thread the Zoho file belongs to, when it is a thread's.</summary>
    public string? ZohoThreadId { get; set; }

    public string? JiraAttachmentId { get; set; }

    public required string FileName { get; set; }

    public long Size { get; set; }

    public AttachmentMirrorState State { get; set; }

    /// <summary>Why the file was skipped, when it was.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long? WorkItemId { get; set; }
}

public enum AttachmentMirrorState
{
    /// <summary>The upload was about to be sent (and may have been); not yet confirmed.</summary>
    Pending = 0,

    Mirrored = 1,

    /// <summary>Not copied (over the item's size limit); copied later if the limit grows.</summary>
    Skipped = 2,
}
