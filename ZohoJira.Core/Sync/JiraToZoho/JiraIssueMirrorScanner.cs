using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Attachments;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Reads one linked Jira issue's comments and files and returns the mirroring work for each one the ledger does
/// not show as mirrored as it is now (or already skipped), so a comment or file the webhooks missed still reaches Zoho.
/// For a poll over changed issues: call <see cref="WorkForAsync"/> per link (and enqueue the result with other work), or
/// <see cref="EnqueueAsync"/>. Nothing is returned for items that send nothing back to Zoho.</summary>
public sealed class JiraIssueMirrorScanner(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    JiraConnectionService jiraConnections,
    WorkQueue queue,
    WorkSignal signal)
{
    /// <summary>The work due for this link's issue (empty when the item mirrors neither comments nor files back, or Jira is
    /// not connected).</summary>
    /// <param name="link">The link whose Jira issue to read.</param>
    /// <param name="item">The link's Smart Connected Item.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<IReadOnlyList<WorkRequest>> WorkForAsync(Link link, SmartItemModel item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(item);
        var comments = JiraMirrorScope.MirrorsComments(item, link.ZohoModule);
        var files = JiraMirrorScope.MirrorsAttachments(item, link.ZohoModule);
        if ((!comments && !files) || link.BrokenAt is not null)
        {
            return [];
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return [];
        }

        Dictionary<string, CommentMirror> commentLedger;
        Dictionary<string, AttachmentMirror> fileLedger;
        string? connectorAccountId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            commentLedger = await db.Set<CommentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id && m.JiraCommentId != null)
                .ToDictionaryAsync(m => m.JiraCommentId!, StringComparer.Ordinal, cancellationToken);
            fileLedger = await db.Set<AttachmentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id && m.JiraAttachmentId != null)
                .ToDictionaryAsync(m => m.JiraAttachmentId!, StringComparer.Ordinal, cancellationToken);
            connectorAccountId = await JiraMirrorScope.ConnectorAccountIdAsync(db, cancellationToken);
        }

        var due = new List<WorkRequest>();
        if (comments)
        {
            await foreach (var comment in PageExtensions.StreamAsync((next, ct) => jira.GetCommentsAsync(link.JiraIssueId, next, ct), cancellationToken))
            {
                if (comment.Properties.ContainsKey(ZohoCommentHandler.MarkerProperty))
                {
                    continue; // The connector's mirror of a Zoho comment.
                }

                var plan = JiraCommentPlanner.Plan(comment, commentLedger.GetValueOrDefault(comment.Id), item.Options.JiraCommentVisibility, connectorAccountId);
                if (plan.Action != JiraCommentAction.None)
                {
                    due.Add(JiraCommentWork.For(link, comment.Id, "poll"));
                }
            }
        }

        if (files && await jira.GetIssueAsync(link.JiraIssueId, ["attachment"], cancellationToken) is { } issue)
        {
            foreach (var attachment in issue.Attachments)
            {
                var (action, _) = JiraAttachmentPlanner.Plan(attachment, fileLedger.GetValueOrDefault(attachment.Id), item.Options.AttachmentSizeLimitBytes,
                    connectorAccountId);
                if (action != JiraAttachmentAction.None)
                {
                    due.Add(JiraAttachmentWork.For(link, attachment.Id, "poll"));
                }
            }
        }

        return due;
    }

    /// <summary>Enqueues <see cref="WorkForAsync"/>'s work in one transaction and wakes the workers; returns how many.</summary>
    /// <param name="link">The link whose Jira issue to read.</param>
    /// <param name="item">The link's Smart Connected Item.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<int> EnqueueAsync(Link link, SmartItemModel item, CancellationToken cancellationToken = default)
    {
        var due = await WorkForAsync(link, item, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var request in due)
        {
            await queue.EnqueueAsync(db, request, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return due.Count;
    }
}
