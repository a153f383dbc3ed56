using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Attachments;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Turns Jira comment and attachment events into mirroring work on two-way and custom items: a created or updated
/// comment into <see cref="JiraCommentWork"/>, a new file into <see cref="JiraAttachmentWork"/>. Jira's
/// <c>attachment_created</c> event names no issue, so files are found through the issue-updated event Jira sends with them
/// (its changelog names the new attachment). The handlers re-read the comment or file, so a repeated or out-of-date event
/// changes nothing. For the Jira catch-up (lost webhooks) a changed linked issue gets one <see cref="JiraMirrorScanWork"/>:
/// a new comment or file moves the issue's <c>updated</c>, so the catch-up's search finds it.</summary>
public sealed class JiraMirrorWorkSource : IJiraEventWorkSource, IJiraCatchUpWorkSource
{
    public IReadOnlyCollection<string> Fields => [];

    public IEnumerable<WorkRequest> WorkFor(Jira.Models.JiraIssue issue, Link link, SmartItemModel item)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(item);
        if (JiraMirrorScope.MirrorsComments(item, link.ZohoModule) || JiraMirrorScope.MirrorsAttachments(item, link.ZohoModule))
        {
            yield return JiraMirrorScanWork.For(link, "catch-up");
        }
    }

    public IEnumerable<WorkRequest> WorkFor(JiraWebhookEvent jiraEvent, Link link, SmartItemModel item)
    {
        ArgumentNullException.ThrowIfNull(jiraEvent);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(item);
        if (jiraEvent.EventType is JiraWebhookEvents.CommentCreated or JiraWebhookEvents.CommentUpdated
            && jiraEvent.CommentId is { Length: > 0 } commentId && JiraMirrorScope.MirrorsComments(item, link.ZohoModule))
        {
            yield return JiraCommentWork.For(link, commentId, "webhook");
        }

        if (JiraMirrorScope.MirrorsAttachments(item, link.ZohoModule))
        {
            foreach (var attachmentId in jiraEvent.AddedAttachmentIds)
            {
                yield return JiraAttachmentWork.For(link, attachmentId, "webhook");
            }
        }
    }
}
