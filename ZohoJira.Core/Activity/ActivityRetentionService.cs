using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Activity;

/// <summary>Deletes activity, and work items finished (done or skipped), older than the retention period, in batches so a
/// large backlog never holds a long lock. Parked work is never pruned: it waits for an admin however old it is.</summary>
public sealed class ActivityRetentionService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IOptionsMonitor<ActivityOptions> options,
    TimeProvider time)
{
    private const int BatchSize = 5_000;

    /// <summary>Prunes activity rows; returns how many were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        if (Cutoff() is not { } cutoff)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Activity.Where(a => a.OccurredAt < cutoff)
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await db.Activity.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Prunes work items that finished before the retention period; returns how many were deleted.</summary>
    public async Task<int> PruneFinishedWorkAsync(CancellationToken cancellationToken = default)
    {
        if (Cutoff() is not { } cutoff)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.WorkItems.Where(w => w.Status == WorkItemStatus.Done && w.FinishedAt < cutoff)
                .OrderBy(w => w.Id)
                .Select(w => w.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await db.WorkItems.Where(w => ids.Contains(w.Id) && w.Status == WorkItemStatus.Done).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private DateTime? Cutoff() =>
        options.CurrentValue.RetentionDays is var days and > 0 ? time.GetUtcNow().UtcDateTime.AddDays(-days) : null;
}
