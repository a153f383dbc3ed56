using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>Pauses and resumes the whole connector. The flag lives in the database (<see cref="ConnectorState"/>), and
/// the work queue's claim reads it in the same statement, so every instance stops claiming at once; work keeps queuing
/// while paused and drains in order after resume. Each change is recorded in the activity with who made it.</summary>
public sealed class ConnectorPauseService(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time, WorkSignal signal)
{
    /// <summary>The current state (a default, running one when nobody ever paused).</summary>
    public async Task<ConnectorState> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConnectorState>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ConnectorState();
    }

    /// <summary>Stops every worker from claiming. False when it was already paused.</summary>
    public Task<bool> PauseAsync(string by, CancellationToken cancellationToken = default) => SetAsync(true, by, cancellationToken);

    /// <summary>Lets workers claim again and wakes this instance's. False when it was not paused.</summary>
    public async Task<bool> ResumeAsync(string by, CancellationToken cancellationToken = default)
    {
        var changed = await SetAsync(false, by, cancellationToken);
        if (changed)
        {
            signal.Notify();
        }

        return changed;
    }

    private async Task<bool> SetAsync(bool paused, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var who = by.Length > ConnectorStateConfiguration.ChangedByLength ? by[..ConnectorStateConfiguration.ChangedByLength] : by;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<ConnectorState>()
            .Where(s => s.Id == ConnectorState.SingletonId && s.Paused != paused)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Paused, paused).SetProperty(x => x.ChangedAt, now).SetProperty(x => x.ChangedBy, who),
                cancellationToken);
        if (changed == 0)
        {
            return false; // Already in that state (another admin or instance was first).
        }

        db.Activity.Add(new ActivityEntry
        {
            OccurredAt = now,
            Direction = ActivityDirections.System,
            Kind = "connector",
            Outcome = ActivityOutcome.Info,
            Message = paused ? $"{who} paused the connector: work queues but does not run." : $"{who} resumed the connector.",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
