using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Sync.Work;

/// <summary>The durable work table's operations. Every state change is one conditional statement, portable across
/// SQLite, PostgreSQL and SQL Server: a claim is an <c>UPDATE … WHERE ready-and-due-and-unleased</c> that affects one row
/// for exactly one claimer, and finishing, failing, renewing or releasing is an <c>UPDATE … WHERE LeaseOwner = mine</c>,
/// so a worker whose lease was taken over changes nothing.</summary>
public sealed class WorkQueue(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    TimeProvider time,
    WorkSignal signal,
    RetryPolicy retryPolicy,
    IOptions<WorkOptions> options,
    SyncMetrics metrics)
{
    private const int EnqueueTries = 5;

    private readonly WorkOptions _options = options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Adds the work unless the same work (dedupe key) is already waiting, running or parked; wakes this
    /// instance's workers. A key whose earlier row is done gets a new row (ordered after everything enqueued before it).</summary>
    public async Task<EnqueueResult> EnqueueAsync(WorkRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await EnqueueAsync(db, request, cancellationToken);
        signal.Notify();
        return result;
    }

    /// <summary>Enqueues through the caller's context, inside its transaction when one is open (so work and the change
    /// that caused it commit together). The caller calls <see cref="WorkSignal.Notify"/> after committing.</summary>
    public async Task<EnqueueResult> EnqueueAsync(ZohoJiraDbContext db, WorkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Validate(request);
        for (var attempt = 1; ; attempt++)
        {
            var now = Now;
            var existing = await db.Set<WorkItem>().AsNoTracking()
                .Where(w => w.ActiveDedupeKey == request.DedupeKey)
                .Select(w => new { w.Id, w.Status })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                var disposition = existing.Status switch
                {
                    WorkItemStatus.Ready => EnqueueDisposition.Merged,
                    WorkItemStatus.Running => EnqueueDisposition.RerunRequested,
                    _ => EnqueueDisposition.AlreadyParked,
                };
                if (disposition == EnqueueDisposition.AlreadyParked)
                {
                    return new EnqueueResult(existing.Id, disposition);
                }

                var rerun = disposition == EnqueueDisposition.RerunRequested;
                var received = request.ReceivedAt;
                var changed = await db.Set<WorkItem>()
                    .Where(w => w.Id == existing.Id && w.Status == existing.Status && w.ActiveDedupeKey == request.DedupeKey)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(w => w.Payload, request.Payload)
                            .SetProperty(w => w.RerunRequested, w => w.RerunRequested || rerun)
                            .SetProperty(w => w.ReceivedAt, w => w.ReceivedAt ?? received)
                            .SetProperty(w => w.UpdatedAt, now),
                        cancellationToken);
                if (changed == 1)
                {
                    return new EnqueueResult(existing.Id, disposition);
                }
            }
            else
            {
                var item = new WorkItem
                {
                    Kind = request.Kind,
                    DedupeKey = request.DedupeKey,
                    ActiveDedupeKey = request.DedupeKey,
                    OrderingKey = request.OrderingKey,
                    SmartItemId = request.SmartItemId,
                    LinkId = request.LinkId,
                    Payload = request.Payload,
                    Status = WorkItemStatus.Ready,
                    NextAttemptAt = request.NotBefore is { } notBefore && notBefore > now ? notBefore : now,
                    CreatedAt = now,
                    UpdatedAt = now,
                    ReceivedAt = request.ReceivedAt,
                };
                db.Add(item);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new EnqueueResult(item.Id, EnqueueDisposition.Created);
                }
                catch (DbUpdateException) when (attempt < EnqueueTries && db.Database.CurrentTransaction is null)
                {
                    // Another enqueue of the same key won the unique index; look again and join its row.
                    db.Entry(item).State = EntityState.Detached;
                }
            }

            if (attempt >= EnqueueTries)
            {
                throw new InvalidOperationException($"Could not enqueue work '{request.DedupeKey}': its row kept changing.");
            }
        }
    }

    /// <summary>Claims the next due item of one of <paramref name="kinds"/> for <paramref name="owner"/>: ready and due
    /// (or running with a lapsed lease), with no unfinished earlier item of the same ordering key. Null when none.</summary>
    public async Task<ClaimedWork?> ClaimAsync(string owner, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count == 0)
        {
            return null;
        }

        var kindList = kinds.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var candidates = await Claimable(db, now, kindList)
            .OrderBy(w => w.NextAttemptAt).ThenBy(w => w.Id)
            .Select(w => w.Id)
            .Take(Math.Max(1, _options.ClaimBatchSize))
            .ToListAsync(cancellationToken);
        var expires = now + _options.LeaseDuration;
        foreach (var id in candidates)
        {
            var claimed = await Claimable(db, now, kindList)
                .Where(w => w.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(w => w.Status, WorkItemStatus.Running)
                        .SetProperty(w => w.LeaseOwner, owner)
                        .SetProperty(w => w.LeaseExpiresAt, expires)
                        .SetProperty(w => w.Attempts, w => w.Attempts + 1)
                        .SetProperty(w => w.UpdatedAt, now),
                    cancellationToken);
            if (claimed != 1)
            {
                continue; // Another worker took it first.
            }

            var item = await db.Set<WorkItem>().AsNoTracking()
                .SingleOrDefaultAsync(w => w.Id == id && w.LeaseOwner == owner, cancellationToken);
            if (item is not null)
            {
                return new ClaimedWork(item, owner);
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when it is no longer ours (taken over, or the item was finished).</summary>
    public async Task<bool> RenewAsync(ClaimedWork claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = Now;
        var expires = now + _options.LeaseDuration;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Held(db, claim).ExecuteUpdateAsync(
            s => s.SetProperty(w => w.LeaseExpiresAt, expires).SetProperty(w => w.UpdatedAt, now),
            cancellationToken) == 1;
    }

    /// <summary>Applies a handler's outcome in one conditional update: success makes the item done (or ready again when
    /// a rerun was requested meanwhile); a failure schedules a retry or parks it, per <see cref="RetryPolicy"/>. The lease
    /// is released either way. False when the lease is no longer ours, and then nothing changed.</summary>
    public async Task<bool> CompleteAsync(ClaimedWork claim, WorkOutcome outcome, double jitter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = Held(db, claim);
        int changed;
        var parked = false;
        if (outcome is WorkFailed failure)
        {
            var decision = retryPolicy.Decide(failure, claim.Item.Attempts, now, jitter);
            parked = decision.Parks;
            var message = Truncate(failure.Message, WorkItemConfiguration.FailureMessageLength);
            var status = decision.Parks ? WorkItemStatus.Parked : WorkItemStatus.Ready;
            var next = decision.RetryAt ?? now;
            changed = await held.ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, status)
                    .SetProperty(w => w.NextAttemptAt, next)
                    .SetProperty(w => w.LastFailureCategory, failure.Category)
                    .SetProperty(w => w.LastFailureMessage, message)
                    .SetProperty(w => w.RerunRequested, false) // the retry reads the record's latest state anyway
                    .SetProperty(w => w.LeaseOwner, (string?)null)
                    .SetProperty(w => w.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(w => w.UpdatedAt, now),
                cancellationToken);
        }
        else
        {
            changed = await held.ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, w => w.RerunRequested ? WorkItemStatus.Ready : WorkItemStatus.Done)
                    .SetProperty(w => w.Result, w => w.RerunRequested ? null : (WorkItemResult?)WorkItemResult.Succeeded)
                    .SetProperty(w => w.FinishedAt, w => w.RerunRequested ? null : (DateTime?)now)
                    .SetProperty(w => w.ActiveDedupeKey, w => w.RerunRequested ? w.ActiveDedupeKey : null)
                    .SetProperty(w => w.Attempts, w => w.RerunRequested ? 0 : w.Attempts)
                    .SetProperty(w => w.NextAttemptAt, now)
                    .SetProperty(w => w.RerunRequested, false)
                    .SetProperty(w => w.LeaseOwner, (string?)null)
                    .SetProperty(w => w.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(w => w.UpdatedAt, now),
                cancellationToken);
        }

        if (changed == 1)
        {
            metrics.Completed(claim.Item, outcome, parked, now);
        }

        return changed == 1;
    }

    /// <summary>Gives the item back unprocessed (the worker is stopping): ready and due now, the claim not counted.</summary>
    public async Task<bool> ReleaseAsync(ClaimedWork claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Held(db, claim).ExecuteUpdateAsync(
            s => s.SetProperty(w => w.Status, WorkItemStatus.Ready)
                .SetProperty(w => w.Attempts, w => w.Attempts > 0 ? w.Attempts - 1 : 0)
                .SetProperty(w => w.NextAttemptAt, now)
                .SetProperty(w => w.LeaseOwner, (string?)null)
                .SetProperty(w => w.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(w => w.UpdatedAt, now),
            cancellationToken) == 1;
    }

    public async Task<WorkStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.Set<WorkItem>().AsNoTracking();
        var counts = await items
            .Where(w => w.Status != WorkItemStatus.Done)
            .GroupBy(w => new { w.Status, Due = w.NextAttemptAt <= now, Auth = w.LastFailureCategory == FailureCategory.Authentication })
            .Select(g => new { g.Key.Status, g.Key.Due, g.Key.Auth, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var oldest = await items
            .Where(w => w.Status == WorkItemStatus.Ready || w.Status == WorkItemStatus.Running)
            .OrderBy(w => w.CreatedAt)
            .Select(w => (DateTime?)w.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        int Sum(Func<WorkItemStatus, bool, bool, bool> match) =>
            counts.Where(c => match(c.Status, c.Due, c.Auth)).Sum(c => c.Count);
        return new WorkStatistics(
            Ready: Sum((s, _, _) => s == WorkItemStatus.Ready),
            Due: Sum((s, due, _) => s == WorkItemStatus.Ready && due),
            Running: Sum((s, _, _) => s == WorkItemStatus.Running),
            Parked: Sum((s, _, _) => s == WorkItemStatus.Parked),
            AuthParked: Sum((s, _, auth) => s == WorkItemStatus.Parked && auth),
            OldestWaitingAge: oldest is { } created && created < now ? now - created : TimeSpan.Zero);
    }

    /// <summary>Ready and due (or running with a lapsed lease: the implicit lease reaper), of a handled kind, and first
    /// in line for its record: no earlier item (by id) with the same ordering key is unfinished. Nothing while an admin
    /// has paused the connector (read in the same statement, so every instance obeys at once).</summary>
    private static IQueryable<WorkItem> Claimable(ZohoJiraDbContext db, DateTime now, string[] kinds) =>
        db.Set<WorkItem>().Where(w =>
            !db.Set<ConnectorState>().Any(c => c.Paused)
            && kinds.Contains(w.Kind)
            && ((w.Status == WorkItemStatus.Ready && w.NextAttemptAt <= now
                    && (w.LeaseExpiresAt == null || w.LeaseExpiresAt <= now))
                || (w.Status == WorkItemStatus.Running && w.LeaseExpiresAt <= now))
            && !db.Set<WorkItem>().Any(e =>
                e.OrderingKey == w.OrderingKey && e.Id < w.Id && e.Status != WorkItemStatus.Done));

    private static IQueryable<WorkItem> Held(ZohoJiraDbContext db, ClaimedWork claim) =>
        db.Set<WorkItem>().Where(w =>
            w.Id == claim.Item.Id && w.Status == WorkItemStatus.Running && w.LeaseOwner == claim.LeaseOwner);

    private static void Validate(WorkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Kind);
        ArgumentException.ThrowIfNullOrEmpty(request.DedupeKey);
        ArgumentException.ThrowIfNullOrEmpty(request.OrderingKey);
        ArgumentNullException.ThrowIfNull(request.Payload);
        if (request.Kind.Length > 64)
        {
            throw new ArgumentException("A work kind is at most 64 characters.", nameof(request));
        }

        if (request.DedupeKey.Length > WorkItemConfiguration.KeyLength || request.OrderingKey.Length > WorkItemConfiguration.KeyLength)
        {
            throw new ArgumentException($"Dedupe and ordering keys are at most {WorkItemConfiguration.KeyLength} characters.", nameof(request));
        }
    }

    private static string Truncate(string? text, int length) =>
        string.IsNullOrEmpty(text) ? "(no message)" : text.Length <= length ? text : text[..(length - 1)] + "…";
}
