using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Sync.Work;

/// <summary>What an admin (the Problems page) or a reconnect does to parked work. Each action is one conditional
/// update, so it only touches items that are still parked when it runs.</summary>
public sealed class WorkItemAdmin(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time, WorkSignal signal)
{
    /// <summary>Parked items, oldest first, for the Problems page.</summary>
    public async Task<IReadOnlyList<WorkItem>> ListParkedAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Parked)
            .OrderBy(w => w.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a parked item back in line, due now; its attempts are kept. False when it is not parked.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<WorkItem>()
            .Where(w => w.Id == id && w.Status == WorkItemStatus.Parked)
            .ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, WorkItemStatus.Ready)
                    .SetProperty(w => w.NextAttemptAt, now)
                    .SetProperty(w => w.UpdatedAt, now),
                cancellationToken);
        Wake(changed);
        return changed == 1;
    }

    /// <summary>Gives up on a parked item: done, result skipped, with who skipped it. Later work of the same record
    /// then proceeds. False when it is not parked.</summary>
    public async Task<bool> SkipAsync(long id, string skippedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skippedBy);
        var who = skippedBy.Length > WorkItemConfiguration.KeyLength ? skippedBy[..WorkItemConfiguration.KeyLength] : skippedBy;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<WorkItem>()
            .Where(w => w.Id == id && w.Status == WorkItemStatus.Parked)
            .ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, WorkItemStatus.Done)
                    .SetProperty(w => w.Result, WorkItemResult.Skipped)
                    .SetProperty(w => w.SkippedBy, who)
                    .SetProperty(w => w.ActiveDedupeKey, (string?)null)
                    .SetProperty(w => w.FinishedAt, now)
                    .SetProperty(w => w.UpdatedAt, now),
                cancellationToken);
        Wake(changed);
        return changed == 1;
    }

    /// <summary>After a successful reconnect: every item parked for an authentication failure goes back in line, due
    /// now (attempts kept). Returns how many.</summary>
    public async Task<int> ReleaseAuthParkedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<WorkItem>()
            .Where(w => w.Status == WorkItemStatus.Parked && w.LastFailureCategory == FailureCategory.Authentication)
            .ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, WorkItemStatus.Ready)
                    .SetProperty(w => w.NextAttemptAt, now)
                    .SetProperty(w => w.UpdatedAt, now),
                cancellationToken);
        Wake(changed);
        return changed;
    }

    private void Wake(int changed)
    {
        if (changed > 0)
        {
            signal.Notify();
        }
    }
}
