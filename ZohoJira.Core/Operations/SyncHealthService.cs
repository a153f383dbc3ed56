using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>Reads <see cref="SyncHealth"/>: a handful of indexed, aggregated queries (never every row).</summary>
public sealed class SyncHealthService(IDbContextFactory<ZohoJiraDbContext> dbFactory, WorkQueue queue, TimeProvider time)
{
    public async Task<SyncHealth> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-24);
        var stats = await queue.GetStatisticsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcomes = await db.Activity.AsNoTracking()
            .Where(a => a.OccurredAt >= since)
            .GroupBy(a => new { a.Outcome, a.Direction })
            .Select(g => new { g.Key.Outcome, g.Key.Direction, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(ActivityOutcome outcome, string? direction = null) =>
            outcomes.Where(o => o.Outcome == outcome && (direction is null || o.Direction == direction)).Sum(o => o.Count);

        var items = await db.SmartItems.AsNoTracking()
            .Where(s => s.Mode != SyncMode.DisplayOnly)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.IsPaused })
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var lastRuns = await db.SyncRuns.AsNoTracking()
            .Where(r => ids.Contains(r.SmartItemId) && r.FinishedAt != null
                && r.Id == db.SyncRuns.Where(x => x.SmartItemId == r.SmartItemId && x.FinishedAt != null).Max(x => x.Id))
            .Select(r => new { r.SmartItemId, r.FinishedAt, r.Outcome, r.Error })
            .ToListAsync(cancellationToken);

        return new SyncHealth(
            stats,
            Count(ActivityOutcome.Applied, ActivityDirections.ZohoToJira),
            Count(ActivityOutcome.Applied, ActivityDirections.JiraToZoho),
            Count(ActivityOutcome.Failed),
            Count(ActivityOutcome.Skipped),
            items.Select(i =>
            {
                var run = lastRuns.FirstOrDefault(r => r.SmartItemId == i.Id);
                return new SyncItemHealth(i.Id, i.Name, i.IsPaused, run?.FinishedAt, run?.Outcome, run?.Error);
            }).ToList(),
            now);
    }
}
