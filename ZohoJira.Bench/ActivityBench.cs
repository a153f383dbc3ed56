using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Bench;

/// <summary>The Activity page's query (one page of 50 rows plus the total) over a large activity table, for each kind of
/// filter the page offers.</summary>
internal static class ActivityBench
{
    private const int Repeats = 20;

    public static async Task<(string, double, string, string)> PageAsync(int rows)
    {
        await using var app = new BenchApp();
        _ = app.Server;
        var services = app.Services;
        var item = Guid.NewGuid();
        await using (var db = await services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync())
        {
            // Rows two seconds apart over the last weeks; 500 items, 20,000 issues and records, every direction and outcome.
            await db.Database.ExecuteSqlRawAsync(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {0})
                INSERT INTO activity (OccurredAt, SmartItemId, JiraIssueKey, ZohoRecordId, Direction, Kind, Outcome, Message)
                SELECT strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (2 * ({0} - i)) || ' seconds'),
                       CASE WHEN i % 500 = 0 THEN {1} ELSE printf('00000000-0000-0000-0000-%012d', i % 500) END,
                       'SUP-' || (i % 20000), '7081234' || (i % 20000),
                       CASE i % 3 WHEN 0 THEN 'ZohoToJira' WHEN 1 THEN 'JiraToZoho' ELSE 'System' END,
                       'field', CASE WHEN i % 50 = 0 THEN 'Failed' WHEN i % 7 = 0 THEN 'Skipped' ELSE 'Applied' END,
                       'Bench row ' || i
                FROM n
                """, rows, item.ToString().ToUpperInvariant());
        }

        var query = services.GetRequiredService<ActivityQueryService>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        ActivityFilter[] filters =
        [
            new(),
            new(JiraIssueKey: "SUP-1234"),
            new(ZohoRecordId: "70812344321"),
            new(SmartItemId: item, From: now.AddDays(-1)),
            new(Outcome: ActivityOutcome.Failed),
            new(Direction: ActivityDirections.JiraToZoho, From: now.AddDays(-7), To: now.AddDays(-6)),
        ];
        var times = new List<double>();
        foreach (var filter in filters)
        {
            for (var i = 0; i < Repeats + 2; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var (page, total) = await query.QueryAsync(filter, skip: 0, take: 50);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (page.Count == 0 || total == 0)
                {
                    throw new InvalidOperationException($"The activity query found nothing for {filter}.");
                }

                if (i >= 2)
                {
                    times.Add(elapsed);
                }
            }
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        return ("activity_page_p95_ms", Math.Round(p95, 1), "ms", $"({rows:N0} activity rows; first page and total for six filters)");
    }
}
