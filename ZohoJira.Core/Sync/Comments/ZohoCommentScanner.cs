using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>When a record is pulled: reads its comments (page by page) and enqueues <see cref="ZohoCommentWork"/> for each
/// one the ledger does not show as mirrored as it is now, so a comment the webhooks missed is still mirrored.</summary>
public sealed class ZohoCommentScanner(IDbContextFactory<ZohoJiraDbContext> dbFactory, WorkQueue queue, WorkSignal signal)
{
    /// <summary>Returns how many comments were enqueued (none when the item does not sync comments).</summary>
    public async Task<int> EnqueueChangedAsync(IZohoDeskClient zoho, Link link, SmartItemModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zoho);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Options.Comments || ZohoModule.FromApiName(link.ZohoModule) is not { HasComments: true } module)
        {
            return 0;
        }

        Dictionary<string, CommentMirror> ledger;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ledger = await CommentLedger.ByZohoIdAsync(db, link.Id, cancellationToken);
        }

        var due = new List<WorkRequest>();
        await foreach (var comment in PageExtensions.StreamAsync((next, ct) => zoho.ListCommentsAsync(module, link.ZohoRecordId, next, ct), cancellationToken))
        {
            var plan = ZohoCommentPlanner.Plan(comment, ledger.GetValueOrDefault(comment.Id), projectTypeKey: null);
            if (plan.Action != ZohoCommentAction.None)
            {
                due.Add(ZohoCommentWork.For(link, comment.Id, "pull"));
            }
        }

        if (due.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var request in due)
            {
                await queue.EnqueueAsync(db, request, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            signal.Notify();
        }

        return due.Count;
    }
}
