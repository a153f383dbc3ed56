namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>The <c>webhookEvent</c> names the connector subscribes to and handles.</summary>
public static class JiraWebhookEvents
{
    public const string IssueCreated = "jira:issue_created";

    public const string IssueUpdated = "jira:issue_updated";

    public const string IssueDeleted = "jira:issue_deleted";

    public const string CommentCreated = "comment_created";

    public const string CommentUpdated = "comment_updated";

    public const string CommentDeleted = "comment_deleted";

    public const string AttachmentCreated = "attachment_created";

    public const string AttachmentDeleted = "attachment_deleted";

    /// <summary>What the connector registers (product rule: issue updated, comment created/updated, attachment created;
    /// and issue deleted, so a link stops as soon as its issue is gone).</summary>
    public static IReadOnlyList<string> Subscribed { get; } = [IssueUpdated, IssueDeleted, CommentCreated, CommentUpdated, AttachmentCreated];
}
