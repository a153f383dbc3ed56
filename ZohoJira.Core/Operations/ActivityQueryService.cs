using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Operations;

/// <summary>One page of activity, newest first, straight from the database (never every row): the filters use the
/// table's indexes (time; Jira key + time; item + time; link + time).</summary>
public sealed class ActivityQueryService(IDbContextFactory<ZohoJiraDbContext> dbFactory)
{
    /// <summary>The largest page the page may ask for.</summary>
    public const int MaxPageSize = 200;

    public async Task<(IReadOnlyList<ActivityEntry> Rows, int Total)> QueryAsync(ActivityFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Activity.AsNoTracking();
        if (filter.SmartItemId is { } item)
        {
            query = query.Where(a => a.SmartItemId == item);
        }

        if (!string.IsNullOrWhiteSpace(filter.Direction))
        {
            query = query.Where(a => a.Direction == filter.Direction);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(a => a.Outcome == outcome);
        }

        if (!string.IsNullOrWhiteSpace(filter.JiraIssueKey))
        {
            var key = filter.JiraIssueKey.Trim().ToUpperInvariant();
            query = query.Where(a => a.JiraIssueKey == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.ZohoRecordId))
        {
            var record = filter.ZohoRecordId.Trim();
            query = query.Where(a => a.ZohoRecordId == record);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.OccurredAt < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
