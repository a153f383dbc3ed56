using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>The Problems page's reads and actions: parked work and work that is failing and waiting to retry, grouped by
/// cause, with Retry and Skip per item and per group. Every action goes through <see cref="WorkItemAdmin"/> (one
/// conditional update per item, so it only touches items still parked) and a skip is recorded as activity.</summary>
public sealed class SyncProblemService(IDbContextFactory<ZohoJiraDbContext> dbFactory, WorkItemAdmin admin, TimeProvider time)
{
    /// <summary>At most this many problems are read at once (the oldest first).</summary>
    public const int Limit = 500;

    public async Task<IReadOnlyList<SyncProblemGroup>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Parked || (w.Status == WorkItemStatus.Ready && w.Attempts > 0 && w.LastFailureMessage != null))
            .OrderBy(w => w.Id)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return [];
        }

        var itemIds = items.Where(w => w.SmartItemId != null).Select(w => w.SmartItemId!.Value).Distinct().ToList();
        var names = await db.SmartItems.AsNoTracking().Where(s => itemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var linkIds = items.Where(w => w.LinkId != null).Select(w => w.LinkId!.Value).Distinct().ToList();
        var links = await db.Links.AsNoTracking().Where(l => linkIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new { l.JiraIssueKey, l.ZohoRecordId }, cancellationToken);
        var keys = items.Select(w => w.OrderingKey).Distinct().ToList();
        var open = await db.WorkItems.AsNoTracking()
            .Where(w => keys.Contains(w.OrderingKey) && w.Status != WorkItemStatus.Done)
            .Select(w => new { w.Id, w.OrderingKey })
            .ToListAsync(cancellationToken);

        return items
            .Select(w =>
            {
                var link = w.LinkId is { } id && links.TryGetValue(id, out var l) ? l : null;
                return new SyncProblem(
                    w.Id,
                    w.Kind,
                    w.Status == WorkItemStatus.Parked,
                    w.Attempts,
                    w.Status == WorkItemStatus.Parked ? null : w.NextAttemptAt,
                    w.LastFailureMessage,
                    w.LastFailureCategory,
                    w.SmartItemId,
                    w.SmartItemId is { } sid && names.TryGetValue(sid, out var name) ? name : null,
                    link?.JiraIssueKey,
                    link?.ZohoRecordId,
                    open.Count(o => o.OrderingKey == w.OrderingKey && o.Id > w.Id),
                    w.UpdatedAt);
            })
            .GroupBy(p => (Cause: p.Message ?? "Failed without a message", p.Category))
            .Select(g => new SyncProblemGroup(g.Key.Cause, g.Key.Category, g.ToList()))
            .OrderByDescending(g => g.Problems.Count)
            .ToList();
    }

    /// <summary>Puts parked items back in line; returns how many were still parked.</summary>
    public async Task<int> RetryAsync(IEnumerable<long> workItemIds, CancellationToken cancellationToken = default)
    {
        var retried = 0;
        foreach (var id in workItemIds)
        {
            retried += await admin.RetryAsync(id, cancellationToken) ? 1 : 0;
        }

        return retried;
    }

    /// <summary>Skips parked items (later work of the same record proceeds) and records who skipped what.</summary>
    public async Task<int> SkipAsync(IEnumerable<long> workItemIds, string skippedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skippedBy);
        var skipped = new List<long>();
        foreach (var id in workItemIds)
        {
            if (await admin.SkipAsync(id, skippedBy, cancellationToken))
            {
                skipped.Add(id);
            }
        }

        if (skipped.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var items = await db.WorkItems.AsNoTracking().Where(w => skipped.Contains(w.Id)).ToListAsync(cancellationToken);
            var linkIds = items.Where(w => w.LinkId != null).Select(w => w.LinkId!.Value).ToList();
            var links = await db.Links.AsNoTracking().Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var item in items)
            {
                var link = item.LinkId is { } id && links.TryGetValue(id, out var l) ? l : null;
                db.Activity.Add(new ActivityEntry
                {
                    OccurredAt = now,
                    SmartItemId = item.SmartItemId,
                    LinkId = item.LinkId,
                    JiraIssueKey = link?.JiraIssueKey,
                    ZohoRecordId = link?.ZohoRecordId,
                    Direction = ActivityDirections.System,
                    Kind = "skip",
                    Outcome = ActivityOutcome.Skipped,
                    Message = $"{skippedBy} skipped {item.Kind} work #{item.Id} after {item.Attempts} attempt(s): {item.LastFailureMessage}",
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return skipped.Count;
    }
}
