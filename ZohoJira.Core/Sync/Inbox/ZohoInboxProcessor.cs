using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.Inbox;

/// <summary>Turns stored Zoho webhook events into work: each event about a linked record enqueues that link's
/// <see cref="ZohoPullWork"/> (a delete event too: the pull finds the record gone and stops the link), a comment or file
/// event also the mirroring of that comment or file (on items that sync them), a new record's
/// event the issue create of items that auto-create, and the event is
/// marked processed in the same transaction, so an event is never lost nor turned into work twice — a second instance
/// that processes the same event finds it no longer pending and rolls back.</summary>
public sealed partial class ZohoInboxProcessor(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    WorkQueue queue,
    WorkSignal signal,
    TimeProvider time,
    ILogger<ZohoInboxProcessor> logger)
{
    /// <summary>Failed events are retried this many times, then parked.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Processes due pending Zoho events, oldest first; returns how many it settled.</summary>
    public async Task<int> ProcessPendingAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<InboundEvent> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.InboundEvents.AsNoTracking()
                .Where(e => e.Source == InboundEventStore.ZohoSource && e.Status == InboundEventStatus.Pending
                    && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
                .OrderBy(e => e.Id)
                .Take(Math.Clamp(batchSize, 1, 1000))
                .ToListAsync(cancellationToken);
        }

        var settled = 0;
        var enqueued = false;
        foreach (var inbound in pending)
        {
            try
            {
                var (done, work) = await ProcessAsync(inbound, cancellationToken);
                settled += done ? 1 : 0;
                enqueued |= work > 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogEventFailed(logger, inbound.Id, ex);
                await RecordFailureAsync(inbound, ex.Message, cancellationToken);
            }
        }

        if (enqueued)
        {
            signal.Notify();
        }

        return settled;
    }

    private async Task<(bool Done, int Work)> ProcessAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        var target = ZohoEventTarget.From(inbound.Payload);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var work = 0;
        if (target is not null)
        {
            var module = target.Module.ApiName;
            var links = await db.Links.AsNoTracking().Include(l => l.SmartItem)
                .Where(l => l.ZohoModule == module && l.ZohoRecordId == target.RecordId && l.BrokenAt == null
                    && l.SmartItem != null && !l.SmartItem.IsPaused && l.SmartItem.Mode != SyncMode.DisplayOnly)
                .ToListAsync(cancellationToken);
            foreach (var link in links)
            {
                await queue.EnqueueAsync(db, ZohoPullWork.For(link, trigger: "webhook") with { ReceivedAt = inbound.ReceivedAt }, cancellationToken);
                work++;
                if (target.CommentId is { } commentId && link.SmartItem!.SyncComments)
                {
                    await queue.EnqueueAsync(db, Comments.ZohoCommentWork.For(link, commentId, "webhook"), cancellationToken);
                    work++;
                }

                if (target.AttachmentId is { } attachmentId && link.SmartItem!.SyncAttachments)
                {
                    await queue.EnqueueAsync(db, Attachments.ZohoAttachmentWork.For(link, attachmentId, threadId: null, "webhook"), cancellationToken);
                    work++;
                }
            }

            if (target.Added)
            {
                // A new record: items that auto-create in this module make its issue (the handler checks the baseline
                // and the rules against the record itself).
                var creators = await db.SmartItems.AsNoTracking()
                    .Where(s => s.ZohoModule == module && s.AutoCreate && !s.IsPaused && s.Mode != SyncMode.DisplayOnly
                        && !db.Links.Any(l => l.SmartItemId == s.Id && l.ZohoRecordId == target.RecordId))
                    .Select(s => s.Id)
                    .ToListAsync(cancellationToken);
                foreach (var itemId in creators)
                {
                    await queue.EnqueueAsync(db, AutoCreate.AutoCreateWork.Create(itemId, module, target.RecordId, "webhook") with { ReceivedAt = inbound.ReceivedAt }, cancellationToken);
                    work++;
                }
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var status = work > 0 ? InboundEventStatus.Processed : InboundEventStatus.Ignored;
        var marked = await db.InboundEvents
            .Where(e => e.Id == inbound.Id && e.Status == InboundEventStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, status)
                    .SetProperty(e => e.ProcessedAt, now)
                    .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                    .SetProperty(e => e.Error, (string?)null),
                cancellationToken);
        if (marked != 1)
        {
            await transaction.RollbackAsync(cancellationToken); // Another instance settled it first.
            return (false, 0);
        }

        await transaction.CommitAsync(cancellationToken);
        return (true, work);
    }

    private async Task RecordFailureAsync(InboundEvent inbound, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = inbound.Attempts + 1;
        var status = attempts >= MaxAttempts ? InboundEventStatus.Parked : InboundEventStatus.Pending;
        var next = now + TimeSpan.FromSeconds(5 * Math.Pow(2, attempts - 1));
        var message = error.Length > 2000 ? error[..2000] : error;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.InboundEvents.Where(e => e.Id == inbound.Id && e.Status == InboundEventStatus.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Status, status)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.NextAttemptAt, next)
                .SetProperty(e => e.Error, message),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turning inbound event {Id} into work failed; it will be retried.")]
    private static partial void LogEventFailed(ILogger logger, long id, Exception exception);
}
