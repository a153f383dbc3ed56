namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>What the connector needs from a Jira webhook: the event, the acting account (to recognise its own changes),
/// and the issue, comment or attachment it concerns. Attachment events may not name their issue. Rich text in webhook
/// payloads is not trusted (it may be wiki markup): processors re-read the item through the REST API.</summary>
public sealed record JiraWebhookEvent(
    string EventType,
    string? IssueEventTypeName,
    DateTimeOffset? Timestamp,
    string? ActorAccountId,
    string? IssueId,
    string? IssueKey,
    string? ProjectKey,
    string? CommentId,
    string? AttachmentId,
    string? AttachmentFileName,
    IReadOnlyList<JiraChangedField> ChangedFields)
{
    public bool IsIssueEvent => EventType.StartsWith("jira:issue_", StringComparison.Ordinal);

    public bool IsCommentEvent => EventType.StartsWith("comment_", StringComparison.Ordinal) || CommentId is not null && IsIssueEvent;

    public bool IsAttachmentEvent => EventType.StartsWith("attachment_", StringComparison.Ordinal);

    /// <summary>The attachments an issue-updated event says were added (its changelog's <c>Attachment</c> items with a new
    /// value): Jira's own attachment events name no issue, so this is how a new file is tied to its issue.</summary>
    public IReadOnlyList<string> AddedAttachmentIds => IsIssueEvent
        ? ChangedFields.Where(c => string.Equals(c.FieldId ?? c.Field, "attachment", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(c.To))
            .Select(c => c.To!).Distinct(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>True when the account that made the change is <paramref name="connectorAccountId"/> (an echo of our own write).</summary>
    public bool IsMadeBy(string? connectorAccountId) =>
        connectorAccountId is not null && string.Equals(ActorAccountId, connectorAccountId, StringComparison.Ordinal);
}
