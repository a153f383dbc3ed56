using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.AutoCreate;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>The scheduled catch-up: for each Zoho module that running synchronized items use, one paged modified-time
/// query per cycle, shared by all of them (never one call per link), from the module's <see cref="SyncCursor"/>. Each
/// page's changed records that are linked become <see cref="ZohoPullWork"/>, and new ones that an item auto-creates
/// become <see cref="AutoCreateWork.CreateKind"/> work, enqueued in the same transaction that moves
/// the cursor, so a crash re-reads a page and never skips one. Each item gets a <see cref="SyncRun"/> per cycle; the
/// work adds its changes and failures to it as it runs.</summary>
public sealed partial class ZohoCatchUpService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    WorkQueue queue,
    WorkSignal signal,
    TimeProvider time,
    IOptions<CatchUpOptions> options,
    ILogger<ZohoCatchUpService> logger)
{
    public const string ScheduleTrigger = "schedule";

    public const string ManualTrigger = "manual";

    /// <summary>One cycle over every module in use; a module that fails does not stop the others.</summary>
    public async Task<IReadOnlyList<CatchUpResult>> RunCycleAsync(string trigger = ScheduleTrigger, CancellationToken cancellationToken = default)
    {
        var items = await RunningItemsAsync(null, cancellationToken);
        var results = new List<CatchUpResult>();
        foreach (var group in items.GroupBy(i => i.ZohoModule, StringComparer.OrdinalIgnoreCase))
        {
            results.Add(await RunModuleAsync(group.Key, group.ToList(), trigger, cancellationToken));
        }

        return results;
    }

    /// <summary>"Run now" for one item (the grid's action): runs its module's query, which serves every item of the
    /// module. Null when the item does not exist, is paused or is display-only.</summary>
    public async Task<CatchUpResult?> RunNowAsync(Guid smartItemId, CancellationToken cancellationToken = default)
    {
        var item = (await RunningItemsAsync(smartItemId, cancellationToken)).SingleOrDefault();
        if (item is null)
        {
            return null;
        }

        var sameModule = (await RunningItemsAsync(null, cancellationToken))
            .Where(i => string.Equals(i.ZohoModule, item.ZohoModule, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return await RunModuleAsync(item.ZohoModule, sameModule, ManualTrigger, cancellationToken);
    }

    private async Task<List<SmartItemDefinition>> RunningItemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SmartItems.AsNoTracking()
            .Where(s => !s.IsPaused && s.Mode != SyncMode.DisplayOnly && (id == null || s.Id == id))
            .ToListAsync(cancellationToken);
    }

    private async Task<CatchUpResult> RunModuleAsync(string moduleName, List<SmartItemDefinition> items, string trigger, CancellationToken cancellationToken)
    {
        IZohoDeskClient zoho;
        try
        {
            zoho = await zohoClients.CreateAsync(cancellationToken);
        }
        catch (ExternalApiException ex) when (ex.Category == FailureCategory.Authentication)
        {
            // Zoho is not connected (or must be reconnected): no run to record, the connection page says so.
            return new CatchUpResult(moduleName, 0, 0, 0, ex.Message);
        }

        var runs = await StartRunsAsync(items, trigger, cancellationToken);
        var calls = 0;
        var read = 0;
        var enqueued = 0;
        string? error = null;
        try
        {
            var module = ZohoModule.FromApiName(moduleName)
                ?? throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Validation, $"The Zoho module '{moduleName}' is not supported.");
            var creators = items.Select(SmartItemMapper.ToModel).Zip(items, (model, entity) => (entity.Id, Model: model))
                .Where(x => x.Model.Options.AutoCreate).ToList();
            var cursor = await LoadCursorAsync(module.ApiName, items, cancellationToken);
            for (var page = 0; page < Math.Max(1, options.Value.CatchUpMaxPages); page++)
            {
                var changes = await zoho.ListChangedAsync(module, new DateTimeOffset(cursor.ModifiedSince, TimeSpan.Zero), cursor.Continuation, cancellationToken);
                calls++;
                var (next, records) = Advance(cursor, changes);
                var added = await CommitPageAsync(module.ApiName, cursor, next, records, runs, creators, cancellationToken);
                if (added is null)
                {
                    LogCursorMoved(logger, module.ApiName);
                    break; // Another node moved the cursor: it reads on from there.
                }

                read += records.Count;
                enqueued += added.Value;
                cursor = next;
                if (!changes.HasMore)
                {
                    break;
                }
            }
        }
        catch (ExternalApiException ex)
        {
            error = ex.Message;
            LogModuleFailed(logger, moduleName, ex);
        }

        await FinishRunsAsync(runs, read, error);
        return new CatchUpResult(moduleName, calls, read, enqueued, error);
    }

    /// <summary>The cursor after a page: the latest modified time read (and its records), the continuation, and — when the
    /// window was read to its end — the next window's start. Also the page's records that are new to the cursor.</summary>
    internal static (SyncCursor Next, List<ZohoRecord> Records) Advance(SyncCursor cursor, Page<ZohoRecord> page)
    {
        var seen = (cursor.LastRecordIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var records = page.Items
            .Where(r => !(r.ModifiedTime?.UtcDateTime == cursor.LastModifiedTime && seen.Contains(r.Id)))
            .ToList();
        var lastTime = cursor.LastModifiedTime;
        var lastIds = seen;
        foreach (var record in records)
        {
            if (record.ModifiedTime?.UtcDateTime is not { } modified)
            {
                continue;
            }

            if (lastTime is null || modified > lastTime)
            {
                lastTime = modified;
                lastIds = new HashSet<string>(StringComparer.Ordinal);
            }

            if (modified == lastTime)
            {
                lastIds.Add(record.Id);
            }
        }

        var next = new SyncCursor
        {
            ZohoModule = cursor.ZohoModule,
            ModifiedSince = page.HasMore ? cursor.ModifiedSince : lastTime ?? cursor.ModifiedSince,
            Continuation = page.Continuation,
            LastModifiedTime = lastTime,
            LastRecordIds = JoinIds(lastIds),
        };
        return (next, records);
    }

    /// <summary>As many ids as fit the column; ids left out are merely read once more.</summary>
    private static string? JoinIds(IEnumerable<string> ids)
    {
        var joined = new System.Text.StringBuilder();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (joined.Length + id.Length + 1 > SyncCursor.LastRecordIdsLength)
            {
                break;
            }

            joined.Append(joined.Length == 0 ? string.Empty : ",").Append(id);
        }

        return joined.Length == 0 ? null : joined.ToString();
    }

    private async Task<SyncCursor> LoadCursorAsync(string module, List<SmartItemDefinition> items, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.SyncCursors.AsNoTracking().SingleOrDefaultAsync(c => c.ZohoModule == module, cancellationToken);

        // A module read for the first time starts when its first item was made: no link can be older.
        return cursor ?? new SyncCursor { ZohoModule = module, ModifiedSince = items.Min(i => i.CreatedAt), UpdatedAt = DateTime.MinValue };
    }

    /// <summary>In one transaction: enqueue the pull of every live link of the page's records (for the items of this
    /// cycle) and move the cursor — only if it is still where this cycle read it. Null when it was not (nothing committed).</summary>
    private async Task<int?> CommitPageAsync(string module, SyncCursor read, SyncCursor next, List<ZohoRecord> records,
        IReadOnlyDictionary<Guid, long> runs, List<(Guid Id, SmartItemModel Model)> creators, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = read.UpdatedAt == DateTime.MinValue
            ? await InsertCursorAsync(db, next, now, cancellationToken)
            : await db.SyncCursors
                .Where(c => c.ZohoModule == module && c.ModifiedSince == read.ModifiedSince && c.Continuation == read.Continuation
                    && c.LastRecordIds == read.LastRecordIds && c.UpdatedAt == read.UpdatedAt)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.ModifiedSince, next.ModifiedSince)
                        .SetProperty(c => c.Continuation, next.Continuation)
                        .SetProperty(c => c.LastModifiedTime, next.LastModifiedTime)
                        .SetProperty(c => c.LastRecordIds, next.LastRecordIds)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken) == 1;
        if (!moved)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        next.UpdatedAt = now;
        var enqueued = 0;
        var itemIds = runs.Keys.ToList();
        foreach (var chunk in records.DistinctBy(r => r.Id, StringComparer.Ordinal).Chunk(500))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var links = await db.Links.AsNoTracking()
                .Where(l => l.ZohoModule == module && ids.Contains(l.ZohoRecordId) && itemIds.Contains(l.SmartItemId))
                .ToListAsync(cancellationToken);
            foreach (var link in links.Where(l => l.BrokenAt == null))
            {
                await queue.EnqueueAsync(db, ZohoPullWork.For(link, runs[link.SmartItemId], ScheduleTrigger), cancellationToken);
                enqueued++;
            }

            // Auto-create: new records after an item's baseline that match its rules and have no link for it yet.
            foreach (var (itemId, model) in creators)
            {
                foreach (var record in chunk.Where(r => AutoCreateWork.IsCandidate(model, r)
                    && !links.Any(l => l.SmartItemId == itemId && l.ZohoRecordId == r.Id)))
                {
                    await queue.EnqueueAsync(db, AutoCreateWork.Create(itemId, module, record.Id, ScheduleTrigger), cancellationToken);
                    enqueued++;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (enqueued > 0)
        {
            signal.Notify();
        }

        return enqueued;
    }

    private static async Task<bool> InsertCursorAsync(ZohoJiraDbContext db, SyncCursor next, DateTime now, CancellationToken cancellationToken)
    {
        db.SyncCursors.Add(new SyncCursor
        {
            ZohoModule = next.ZohoModule,
            ModifiedSince = next.ModifiedSince,
            Continuation = next.Continuation,
            LastModifiedTime = next.LastModifiedTime,
            LastRecordIds = next.LastRecordIds,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another node created the module's cursor first.
        }
    }

    private async Task<Dictionary<Guid, long>> StartRunsAsync(List<SmartItemDefinition> items, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = items.Select(i => new SyncRun { SmartItemId = i.Id, Trigger = trigger, StartedAt = now, Outcome = SyncRunOutcome.Running }).ToList();
        db.SyncRuns.AddRange(runs);
        await db.SaveChangesAsync(cancellationToken);
        return runs.ToDictionary(r => r.SmartItemId, r => r.Id);
    }

    /// <summary>Closes the cycle's runs and sets (or clears) the items' last error, even when the cycle is being stopped.</summary>
    private async Task FinishRunsAsync(Dictionary<Guid, long> runs, int read, string? error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = error is null ? SyncRunOutcome.Succeeded : SyncRunOutcome.Failed;
        var message = error is { Length: > 2000 } ? error[..2000] : error;
        var runIds = runs.Values.ToList();
        var itemIds = runs.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.SyncRuns.Where(r => runIds.Contains(r.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.RecordsRead, read)
                .SetProperty(r => r.Error, message),
            CancellationToken.None);
        await db.SmartItems.Where(i => itemIds.Contains(i.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.LastError, message).SetProperty(i => i.LastErrorAt, error == null ? null : now),
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up of Zoho {Module} failed; the cursor stays where the last committed page left it.")]
    private static partial void LogModuleFailed(ILogger logger, string module, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up of Zoho {Module}: another node moved the cursor; it reads on from there.")]
    private static partial void LogCursorMoved(ILogger logger, string module);
}
