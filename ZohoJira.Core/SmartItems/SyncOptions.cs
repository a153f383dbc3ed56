namespace ZohoJira.Core.SmartItems;

/// <summary>The optional behaviours of a synchronized item. Display-only items keep them all off.</summary>
public sealed record SyncOptions
{
    public bool AutoCreate { get; init; }

    /// <summary>The Zoho server time when auto-create was (re)enabled; required while <see cref="AutoCreate"/> is on.</summary>
    public DateTime? AutoCreateBaseline { get; init; }

    public bool Status { get; init; }

    public bool Comments { get; init; }

    /// <summary>How Jira comments appear in Zoho; private unless the admin chooses otherwise.</summary>
    public CommentVisibility JiraCommentVisibility { get; init; } = CommentVisibility.Private;

    public bool Attachments { get; init; }

    /// <summary>Larger files are skipped (and the skip recorded).</summary>
    public long AttachmentSizeLimitBytes { get; init; } = SmartItemSchema.DefaultAttachmentSizeLimitBytes;
}
