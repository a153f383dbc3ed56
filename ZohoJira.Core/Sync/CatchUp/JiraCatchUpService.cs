using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>The scheduled Jira catch-up, the safety net under Jira's webhooks (which Jira gives up on after a few
/// retries): one paged JQL search per cycle over the projects of the running two-way and custom items —
/// <c>project in (…) AND updated &gt;= "…" ORDER BY updated ASC</c>, asking only for <c>updated</c> — from the site's
/// <see cref="JiraSyncCursor"/>. Each page's changed issues that have syncing links get the same
/// <see cref="JiraPushWork"/> a webhook would have enqueued (through <see cref="JiraChangeWork"/>), plus what the registered
/// <see cref="IJiraCatchUpWorkSource"/>s ask for, in the transaction that moves the cursor: a crash re-reads a page and never
/// skips one. The push compares with the link's ledger, so an issue whose change already came by webhook writes nothing.
/// <para>JQL dates have whole minutes and are read in the connector account's profile time zone (asked of Jira at most
/// once an hour); each window starts <see cref="CatchUpOptions.JiraCatchUpOverlap"/> before the latest <c>updated</c>
/// already read, rounded down to the minute, and the issues of the overlap whose <c>updated</c> did not move are passed
/// over.</para></summary>
public sealed partial class JiraCatchUpService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    JiraConnectionService jiraConnections,
    WorkQueue queue,
    WorkSignal signal,
    IEnumerable<IJiraCatchUpWorkSource> sources,
    TimeProvider time,
    IOptions<CatchUpOptions> options,
    ILogger<JiraCatchUpService> logger)
{
    private static readonly TimeSpan TimeZoneLifetime = TimeSpan.FromHours(1);

    /// <summary>Used when Jira does not name a time zone this machine knows: the one furthest behind UTC, so the window
    /// can only start earlier than meant (more rows, never a missed change).</summary>
    private static readonly TimeZoneInfo UnknownZone =
        TimeZoneInfo.CreateCustomTimeZone("jira-unknown", TimeSpan.FromHours(-12), "Unknown (UTC-12)", "Unknown (UTC-12)");

    private readonly IReadOnlyList<IJiraCatchUpWorkSource> _sources = sources.ToList();
    private readonly Lock _zoneGate = new();
    private (TimeZoneInfo Zone, DateTimeOffset ReadAt)? _zone;

    /// <summary>One cycle: one search (and its further pages when there is a backlog). No call at all when no running item
    /// lets Jira changes flow back.</summary>
    public async Task<JiraCatchUpResult> RunCycleAsync(string trigger = ZohoCatchUpService.ScheduleTrigger, CancellationToken cancellationToken = default)
    {
        var items = await PolledItemsAsync(null, cancellationToken);
        var projects = items.Select(i => i.JiraProjectKey).Where(k => !string.IsNullOrWhiteSpace(k))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            return new JiraCatchUpResult(projects, 0, 0, 0, null);
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return new JiraCatchUpResult(projects, 0, 0, 0, "Jira is not connected.");
        }

        var calls = 0;
        var read = 0;
        var enqueued = 0;
        string? error = null;
        try
        {
            var (zone, asked) = await ZoneAsync(jira, cancellationToken);
            calls += asked ? 1 : 0;
            var overlap = options.Value.JiraCatchUpOverlap < TimeSpan.Zero ? TimeSpan.Zero : options.Value.JiraCatchUpOverlap;
            var fields = _sources.SelectMany(s => s.Fields).Prepend("updated").Distinct(StringComparer.Ordinal).ToList();
            var cursor = await LoadCursorAsync(items, cancellationToken);
            for (var page = 0; page < Math.Max(1, options.Value.CatchUpMaxPages); page++)
            {
                var query = Query(projects, cursor.UpdatedSince - overlap, zone);
                var continuation = cursor.Continuation is not null && string.Equals(cursor.Query, query, StringComparison.Ordinal) ? cursor.Continuation : null;
                var found = await jira.SearchIssuesAsync(new JiraSearchRequest(query, fields, Math.Clamp(options.Value.JiraCatchUpPageSize, 1, 100)),
                    continuation, cancellationToken);
                calls++;
                var (next, changed) = Advance(cursor, query, found, overlap);
                var added = await CommitPageAsync(cursor, next, changed, trigger, cancellationToken);
                if (added is null)
                {
                    LogCursorMoved(logger);
                    break; // Another node moved the cursor: it reads on from there.
                }

                read += changed.Count;
                enqueued += added.Value;
                cursor = next;
                if (!found.HasMore)
                {
                    break;
                }
            }
        }
        catch (ExternalApiException ex)
        {
            error = ex.Message;
            LogCycleFailed(logger, ex);
        }

        return new JiraCatchUpResult(projects, calls, read, enqueued, error);
    }

    /// <summary>"Run now" for one item: the cycle's one search, which covers the item's project along with the others.
    /// Null when the item does not exist, is paused, or sends nothing back from Jira (display-only, one-way).</summary>
    public async Task<JiraCatchUpResult?> RunNowAsync(Guid smartItemId, CancellationToken cancellationToken = default) =>
        (await PolledItemsAsync(smartItemId, cancellationToken)).Count == 0
            ? null
            : await RunCycleAsync(ZohoCatchUpService.ManualTrigger, cancellationToken);

    /// <summary>The JQL of a window that starts at <paramref name="since"/>: written in <paramref name="zone"/> (Jira reads
    /// JQL dates in the account's time zone) and rounded down to the minute. A local time that occurs twice (the hour the
    /// clocks go back) is moved an hour earlier, so whichever of the two Jira picks, nothing after <paramref name="since"/>
    /// is left out.</summary>
    internal static string Query(IReadOnlyList<string> projects, DateTime since, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(since, DateTimeKind.Utc), zone);
        if (zone.IsAmbiguousTime(local))
        {
            local = local.AddHours(-1);
        }

        var keys = string.Join(", ", projects.Select(JiraConnectionService.Quote));
        return $"project in ({keys}) AND updated >= \"{local.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture)}\" ORDER BY updated ASC";
    }

    /// <summary>The cursor after a page, and the page's issues that are changes to sync: not read before with the same
    /// <c>updated</c>, and not older than the window's start less the overlap (JQL's minute and time-zone rounding can
    /// return some). The next window starts at the latest <c>updated</c> read once the window was read to its end.</summary>
    internal static (JiraSyncCursor Next, List<JiraIssue> Changed) Advance(JiraSyncCursor cursor, string query, Page<JiraIssue> page, TimeSpan overlap)
    {
        var seen = ParseSeen(cursor.SeenIssues);
        var from = cursor.UpdatedSince - overlap;
        var changed = page.Items
            .Where(i => i.Updated is not { } updated || (updated.UtcDateTime >= from && !seen.Contains((i.Id, updated.ToUnixTimeMilliseconds()))))
            .DistinctBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var last = cursor.LastUpdated;
        foreach (var issue in page.Items)
        {
            if (issue.Updated?.UtcDateTime is { } updated && (last is null || updated > last))
            {
                last = updated;
            }

            if (issue.Updated is { } stamp)
            {
                seen.Add((issue.Id, stamp.ToUnixTimeMilliseconds()));
            }
        }

        var next = new JiraSyncCursor
        {
            Name = cursor.Name,
            UpdatedSince = page.HasMore ? cursor.UpdatedSince : last ?? cursor.UpdatedSince,
            Query = page.HasMore ? query : null,
            Continuation = page.Continuation,
            LastUpdated = last,
            SeenIssues = last is null ? null : JoinSeen(seen, last.Value - overlap - TimeSpan.FromMinutes(1)),
        };
        return (next, changed);
    }

    private static HashSet<(string Id, long UpdatedMs)> ParseSeen(string? text)
    {
        var seen = new HashSet<(string, long)>();
        foreach (var entry in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = entry.LastIndexOf('@');
            if (at > 0 && long.TryParse(entry[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            {
                seen.Add((entry[..at], ms));
            }
        }

        return seen;
    }

    /// <summary>The entries that the next window can read again (updated at or after <paramref name="keepFrom"/>), newest
    /// first, as many as fit the column.</summary>
    private static string? JoinSeen(HashSet<(string Id, long UpdatedMs)> seen, DateTime keepFrom)
    {
        var floor = new DateTimeOffset(DateTime.SpecifyKind(keepFrom, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var joined = new StringBuilder();
        foreach (var (id, ms) in seen.Where(e => e.UpdatedMs >= floor).OrderByDescending(e => e.UpdatedMs).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"{id}@{ms}");
            if (joined.Length + entry.Length + 1 > JiraSyncCursor.SeenIssuesLength)
            {
                break;
            }

            joined.Append(joined.Length == 0 ? string.Empty : ",").Append(entry);
        }

        return joined.Length == 0 ? null : joined.ToString();
    }

    /// <summary>The running items whose Jira changes flow back to Zoho (two-way, custom), all or one.</summary>
    private async Task<List<SmartItemDefinition>> PolledItemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SmartItems.AsNoTracking()
            .Where(s => !s.IsPaused && (s.Mode == SyncMode.TwoWay || s.Mode == SyncMode.Custom) && (id == null || s.Id == id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The connector account's time zone, asked of Jira once an hour (a profile can change).</summary>
    private async Task<(TimeZoneInfo Zone, bool Asked)> ZoneAsync(IJiraClient jira, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_zoneGate)
        {
            if (_zone is { } cached && now - cached.ReadAt < TimeZoneLifetime)
            {
                return (cached.Zone, false);
            }
        }

        var me = await jira.GetMyselfAsync(cancellationToken);
        TimeZoneInfo zone;
        if (me.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
        }
        else
        {
            LogUnknownZone(logger, me.TimeZone ?? "(none)");
            zone = UnknownZone;
        }

        lock (_zoneGate)
        {
            _zone = (zone, now);
        }

        return (zone, true);
    }

    private async Task<JiraSyncCursor> LoadCursorAsync(List<SmartItemDefinition> items, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.JiraSyncCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == JiraSyncCursor.IssuesName, cancellationToken);

        // Read for the first time: from when the first polled item was made, no link can be older.
        return cursor ?? new JiraSyncCursor { Name = JiraSyncCursor.IssuesName, UpdatedSince = items.Min(i => i.CreatedAt), UpdatedAt = DateTime.MinValue };
    }

    /// <summary>In one transaction: enqueue the work of every syncing link of the page's changed issues and move the cursor
    /// — only if it is still where this cycle read it. Null when it was not (nothing committed).</summary>
    private async Task<int?> CommitPageAsync(JiraSyncCursor read, JiraSyncCursor next, List<JiraIssue> changed, string trigger,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = read.UpdatedAt == DateTime.MinValue
            ? await InsertCursorAsync(db, next, now, cancellationToken)
            : await db.JiraSyncCursors
                .Where(c => c.Name == read.Name && c.UpdatedSince == read.UpdatedSince && c.Continuation == read.Continuation
                    && c.SeenIssues == read.SeenIssues && c.UpdatedAt == read.UpdatedAt)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.UpdatedSince, next.UpdatedSince)
                        .SetProperty(c => c.Query, next.Query)
                        .SetProperty(c => c.Continuation, next.Continuation)
                        .SetProperty(c => c.LastUpdated, next.LastUpdated)
                        .SetProperty(c => c.SeenIssues, next.SeenIssues)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken) == 1;
        if (!moved)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        next.UpdatedAt = now;
        var enqueued = 0;
        var issues = changed.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var link in await JiraChangeWork.SyncingLinksAsync(db, issues.Keys, cancellationToken))
        {
            var model = SmartItemMapper.ToModel(link.SmartItem!);
            if (!JiraChangeWork.FlowsToZoho(model))
            {
                continue; // One-way: nothing flows back (its project may be polled for another item).
            }

            if (await JiraChangeWork.EnqueuePushAsync(db, queue, link, model, trigger, cancellationToken))
            {
                enqueued++;
            }

            foreach (var request in _sources.SelectMany(s => s.WorkFor(issues[link.JiraIssueId], link, model)))
            {
                await queue.EnqueueAsync(db, request, cancellationToken);
                enqueued++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (enqueued > 0)
        {
            signal.Notify();
        }

        return enqueued;
    }

    private static async Task<bool> InsertCursorAsync(ZohoJiraDbContext db, JiraSyncCursor next, DateTime now, CancellationToken cancellationToken)
    {
        db.JiraSyncCursors.Add(new JiraSyncCursor
        {
            Name = next.Name,
            UpdatedSince = next.UpdatedSince,
            Query = next.Query,
            Continuation = next.Continuation,
            LastUpdated = next.LastUpdated,
            SeenIssues = next.SeenIssues,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another node created the cursor first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Jira catch-up failed; the cursor stays where the last committed page left it.")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jira catch-up: another node moved the cursor; it reads on from there.")]
    private static partial void LogCursorMoved(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jira named the time zone '{Zone}' for the connector's account, which this machine does not know; the catch-up writes its JQL dates for UTC-12, which only widens its window.")]
    private static partial void LogUnknownZone(ILogger logger, string zone);
}
