using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>When a record is pulled: reads its files (page by page) and, for tickets, its threads' files, and enqueues
/// <see cref="ZohoAttachmentWork"/> for each one the ledger does not show as copied or already skipped.</summary>
public sealed class ZohoAttachmentScanner(IDbContextFactory<ZohoJiraDbContext> dbFactory, WorkQueue queue, WorkSignal signal)
{
    /// <summary>Returns how many files were enqueued (none when the item does not sync attachments).</summary>
    public async Task<int> EnqueueChangedAsync(IZohoDeskClient zoho, Link link, SmartItemModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zoho);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Options.Attachments || ZohoModule.FromApiName(link.ZohoModule) is not { } module
            || (!module.ListsAttachments && module != ZohoModule.Tickets))
        {
            return 0;
        }

        Dictionary<string, AttachmentMirror> ledger;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ledger = await db.Set<AttachmentMirror>().AsNoTracking()
                .Where(m => m.LinkId == link.Id && m.ZohoAttachmentId != null)
                .ToDictionaryAsync(m => m.ZohoAttachmentId!, StringComparer.Ordinal, cancellationToken);
        }

        var due = new List<WorkRequest>();
        void Consider(ZohoAttachment attachment)
        {
            if (ZohoAttachmentPlanner.Plan(attachment, ledger.GetValueOrDefault(attachment.Id), model.Options.AttachmentSizeLimitBytes).Action != ZohoAttachmentAction.None)
            {
                due.Add(ZohoAttachmentWork.For(link, attachment, "pull"));
            }
        }

        if (module.ListsAttachments)
        {
            await foreach (var attachment in PageExtensions.StreamAsync((next, ct) => zoho.ListAttachmentsAsync(module, link.ZohoRecordId, next, ct), cancellationToken))
            {
                Consider(attachment);
            }
        }

        if (module == ZohoModule.Tickets)
        {
            await foreach (var thread in PageExtensions.StreamAsync((next, ct) => zoho.ListThreadsAsync(link.ZohoRecordId, next, ct), cancellationToken))
            {
                if (thread.AttachmentCount > 0)
                {
                    foreach (var attachment in await zoho.ListThreadAttachmentsAsync(link.ZohoRecordId, thread.Id, cancellationToken))
                    {
                        Consider(attachment);
                    }
                }
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
