using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Turns stored Jira webhook events into work, marking each event settled in the same transaction (a second
/// instance that processes the same event finds it no longer pending and rolls back):
/// <list type="bullet">
/// <item>events made by the connector's own Jira account are ignored — they are echoes of its writes;</item>
/// <item>an issue updated or deleted event enqueues <see cref="JiraPushWork"/> for each syncing link of the issue on a
/// two-way or custom item (the handler finds a deleted issue gone and stops the link); on a one-way item nothing goes back,
/// and a Jira user's edit of a mapped (Zoho-owned) field is recorded in the activity;</item>
/// <item>comment and attachment events (<c>comment_*</c>, <c>attachment_*</c>) are handed to the registered
/// <see cref="IJiraEventWorkSource"/>s, and so is an issue updated event whose changelog adds an attachment (Jira's own
/// attachment events name no issue); the issue event Jira also sends for a new comment changes no field and finds nothing
/// to push.</item>
/// </list></summary>
public sealed partial class JiraInboxProcessor(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    WorkQueue queue,
    WorkSignal signal,
    IEnumerable<IJiraEventWorkSource> sources,
    TimeProvider time,
    ILogger<JiraInboxProcessor> logger)
{
    public const string WebhookTrigger = "webhook";

    /// <summary>Failed events are retried this many times, then parked.</summary>
    public const int MaxAttempts = 5;

    private readonly IReadOnlyList<IJiraEventWorkSource> _sources = sources.ToList();

    /// <summary>Processes due pending Jira events, oldest first; returns how many it settled.</summary>
    public async Task<int> ProcessPendingAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<InboundEvent> pending;
        string? connectorAccountId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.InboundEvents.AsNoTracking()
                .Where(e => e.Source == InboundEventStore.JiraSource && e.Status == InboundEventStatus.Pending
                    && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
                .OrderBy(e => e.Id)
                .Take(Math.Clamp(batchSize, 1, 1000))
                .ToListAsync(cancellationToken);
            connectorAccountId = pending.Count == 0 ? null
                : await db.JiraConnections.AsNoTracking().OrderBy(c => c.Id).Select(c => c.AccountId).FirstOrDefaultAsync(cancellationToken);
        }

        var settled = 0;
        var enqueued = false;
        foreach (var inbound in pending)
        {
            try
            {
                var (done, work) = await ProcessAsync(inbound, connectorAccountId, cancellationToken);
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

    private async Task<(bool Done, int Work)> ProcessAsync(InboundEvent inbound, string? connectorAccountId, CancellationToken cancellationToken)
    {
        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(inbound.Payload), out var parsed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var work = 0;
        var now = time.GetUtcNow().UtcDateTime;
        if (parsed?.IssueId is { } issueId && !parsed.IsMadeBy(connectorAccountId))
        {
            var links = await JiraChangeWork.SyncingLinksAsync(db, [issueId], cancellationToken);
            foreach (var link in links)
            {
                var model = SmartItemMapper.ToModel(link.SmartItem!);
                if (parsed.EventType.StartsWith("comment_", StringComparison.Ordinal) || parsed.IsAttachmentEvent || parsed.AddedAttachmentIds.Count > 0)
                {
                    foreach (var request in _sources.SelectMany(s => s.WorkFor(parsed, link, model)))
                    {
                        await queue.EnqueueAsync(db, request, cancellationToken);
                        work++;
                    }
                }

                if (parsed.EventType is JiraWebhookEvents.IssueUpdated or JiraWebhookEvents.IssueDeleted)
                {
                    if (await JiraChangeWork.EnqueuePushAsync(db, queue, link, model, WebhookTrigger, cancellationToken))
                    {
                        work++;
                        continue;
                    }

                    if (parsed.EventType == JiraWebhookEvents.IssueDeleted)
                    {
                        // Nothing flows back, but the link must stop: the Zoho → Jira pull finds the issue gone.
                        await queue.EnqueueAsync(db, ZohoToJira.ZohoPullWork.For(link, trigger: WebhookTrigger), cancellationToken);
                        work++;
                    }

                    db.Activity.AddRange(OneWayNotices(parsed, link, model, now));
                }
            }
        }

        var notices = db.ChangeTracker.Entries<ActivityEntry>().Any();
        var status = work > 0 || notices ? InboundEventStatus.Processed : InboundEventStatus.Ignored;
        if (notices)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

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

    /// <summary>On a one-way item Zoho owns every mapped field (and the status): a Jira user's edit of one stays in Jira
    /// only, and the activity says so.</summary>
    private static IEnumerable<ActivityEntry> OneWayNotices(JiraWebhookEvent parsed, Link link, SmartItemModel model, DateTime now)
    {
        var mapped = model.Mappings.ToDictionary(m => m.JiraFieldId, m => m, StringComparer.Ordinal);
        foreach (var change in parsed.ChangedFields)
        {
            var id = change.FieldId ?? change.Field;
            var isStatus = id == "status" && model.Options.Status;
            if (!isStatus && !mapped.ContainsKey(id))
            {
                continue;
            }

            var zohoField = isStatus ? model.Status.ZohoStatusField : mapped[id].ZohoField;
            yield return new ActivityEntry
            {
                OccurredAt = now,
                SmartItemId = link.SmartItemId,
                LinkId = link.Id,
                JiraIssueKey = link.JiraIssueKey,
                ZohoRecordId = link.ZohoRecordId,
                Direction = ActivityDirections.JiraToZoho,
                Kind = isStatus ? "status" : "field",
                Outcome = ActivityOutcome.Skipped,
                Message = Truncate($"A Jira user changed {change.Field} to '{change.ToText ?? change.To}', but the item is one-way: Zoho owns {zohoField}, so nothing was sent to Zoho (the next Zoho change overwrites it in Jira)."),
            };
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1999] + "…";

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turning Jira event {Id} into work failed; it will be retried.")]
    private static partial void LogEventFailed(ILogger logger, long id, Exception exception);
}
