namespace ZohoJira.Core.SmartItems;

/// <summary>The JSON document stored beside the columns: the nested parts of <see cref="SmartItemModel"/> and the
/// readable names of the Jira and Zoho objects. What has a column (scope, toggles, baseline) is not repeated here.</summary>
internal sealed record SmartItemDocument
{
    public string? JiraProjectName { get; init; }

    public string? JiraIssueTypeName { get; init; }

    public string? ZohoModuleName { get; init; }

    public IReadOnlyList<string> DisplayFields { get; init; } = [];

    public IReadOnlyList<FieldMapping> Mappings { get; init; } = [];

    public StatusSyncSettings Status { get; init; } = new();

    public CommentVisibility JiraCommentVisibility { get; init; } = CommentVisibility.Private;

    public long AttachmentSizeLimitBytes { get; init; } = SmartItemSchema.DefaultAttachmentSizeLimitBytes;

    public SyncRuleSet Rules { get; init; } = new();
}
