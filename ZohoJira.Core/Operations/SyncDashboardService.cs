using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Core.Operations;

/// <summary>Reads the <see cref="SyncDashboard"/>: aggregated, indexed queries (activity grouped by hour in the database,
/// never every row), the connector state, the connection rows, and this instance's vendor counters.</summary>
public sealed class SyncDashboardService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    SyncHealthService health,
    ConnectorPauseService pause,
    JiraConnectionService jira,
    VendorCallTally vendorCalls,
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider time)
{
    /// <summary>At most this many latency samples are read (the most recent).</summary>
    public const int LatencySampleLimit = 5000;

    /// <param name="includeWeek">Also read the seven-day series (a bigger aggregate; the dashboard reads it less often).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<SyncDashboard> GetAsync(bool includeWeek = true, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sync = await health.GetAsync(cancellationToken);
        var state = await pause.GetAsync(cancellationToken);
        var zohoStatus = await ZohoStatusAsync(cancellationToken);
        var jiraStatus = await jira.GetStatusAsync(cancellationToken);
        var maxAge = configuration.GetValue<TimeSpan?>(SyncStallRule.MaxWaitingAgeKey) ?? SyncStallRule.DefaultMaxWaitingAge;
        var stall = SyncStallRule.Problems(sync.Queue, zohoStatus.Status, maxAge, state.Paused);
        var condition = state.Paused ? ConnectorCondition.Paused
            : stall.Count > 0 ? ConnectorCondition.Stalled
            : sync.Queue.Ready + sync.Queue.Running > 0 ? ConnectorCondition.Working
            : ConnectorCondition.Idle;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var day = await HourlyAsync(db, now, 24, cancellationToken);
        var week = includeWeek ? await HourlyAsync(db, now, 24 * 7, cancellationToken) : null;
        var latency = await LatencyAsync(db, now, cancellationToken);
        var lastZoho = await LastDeliveryAsync(db, InboundEventStore.ZohoSource, cancellationToken);
        var lastJira = await LastDeliveryAsync(db, InboundEventStore.JiraSource, cancellationToken);
        var zohoWebhook = zohoStatus.Webhook;

        var credits = services.GetService(typeof(ZohoCreditMonitor)) as ZohoCreditMonitor;
        var since = now.AddHours(-23);
        var zohoCalls = vendorCalls.Since(VendorCallTally.ZohoDesk, since);
        var jiraCalls = vendorCalls.Since(VendorCallTally.Jira, since);
        var budget = new VendorBudget(
            credits?.Remaining,
            configuration.GetValue<long?>("Operations:ZohoDailyCredits"),
            credits?.SpentToday ?? 0,
            credits?.ObservedAt,
            zohoCalls.RateLimited,
            jiraCalls.Calls,
            jiraCalls.RateLimited);
        var connections = new ConnectionHealth(
            zohoStatus.Status.IsConnected,
            zohoStatus.Status.OrgName,
            zohoStatus.Status.AccessTokenExpiresAt,
            zohoStatus.Status.LastAuthError,
            zohoWebhook,
            lastZoho,
            jiraStatus?.IsConnected == true,
            jiraStatus?.AccountDisplayName ?? jiraStatus?.Email,
            jiraStatus?.LastError,
            jiraStatus?.WebhookState,
            Latest(jiraStatus?.LastWebhookEventAt, lastJira));
        return new SyncDashboard(sync, condition, stall, state, day, week, latency, budget, connections, now);
    }

    /// <summary>The Zoho connection as stored: read from its row only, so the dashboard's refresh never calls Zoho (the
    /// connection service asks Zoho for the organizations while one is still to be chosen).</summary>
    private async Task<(ZohoConnectionStatus Status, bool Webhook)> ZohoStatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.ZohoConnections.AsNoTracking().OrderBy(z => z.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return (ZohoConnectionStatus.Disconnected, false);
        }

        var status = new ZohoConnectionStatus(c.IsConnected, c.RefreshToken is not null && c.OrgId is null, c.DataCenter, c.ClientId,
            c.ApiDomain, null, c.OrgId, c.OrgName, c.ConnectedAt, c.AccessTokenExpiresAt, c.LastAuthError, c.LastAuthErrorAt, []);
        return (status, c.WebhookId is not null);
    }

    /// <summary>Applied changes each way and failures per hour for the last <paramref name="hours"/> hours, the current
    /// hour last; grouped by calendar hour in the database (every provider translates the date parts).</summary>
    private static async Task<IReadOnlyList<HourlyCounts>> HourlyAsync(ZohoJiraDbContext db, DateTime now, int hours, CancellationToken cancellationToken)
    {
        var current = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var first = current.AddHours(-(hours - 1));
        var rows = await db.Activity.AsNoTracking()
            .Where(a => a.OccurredAt >= first
                && (a.Outcome == ActivityOutcome.Failed
                    || (a.Outcome == ActivityOutcome.Applied && (a.Direction == ActivityDirections.ZohoToJira || a.Direction == ActivityDirections.JiraToZoho))))
            .GroupBy(a => new { a.OccurredAt.Year, a.OccurredAt.Month, a.OccurredAt.Day, a.OccurredAt.Hour, a.Outcome, a.Direction })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, g.Key.Outcome, g.Key.Direction, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byHour = rows
            .GroupBy(r => new DateTime(r.Year, r.Month, r.Day, r.Hour, 0, 0, DateTimeKind.Utc))
            .ToDictionary(g => g.Key, g => g.ToList());
        var series = new List<HourlyCounts>(hours);
        for (var hour = first; hour <= current; hour = hour.AddHours(1))
        {
            var counts = byHour.GetValueOrDefault(hour) ?? [];
            series.Add(new HourlyCounts(
                hour,
                counts.Where(c => c.Outcome == ActivityOutcome.Applied && c.Direction == ActivityDirections.ZohoToJira).Sum(c => c.Count),
                counts.Where(c => c.Outcome == ActivityOutcome.Applied && c.Direction == ActivityDirections.JiraToZoho).Sum(c => c.Count),
                counts.Where(c => c.Outcome == ActivityOutcome.Failed).Sum(c => c.Count)));
        }

        return series;
    }

    private static async Task<LatencySummary> LatencyAsync(ZohoJiraDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-24);
        var samples = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Done && w.Result == WorkItemResult.Succeeded && w.ReceivedAt != null
                && w.FinishedAt != null && w.FinishedAt >= since)
            .OrderByDescending(w => w.FinishedAt)
            .Select(w => new { w.ReceivedAt, w.FinishedAt })
            .Take(LatencySampleLimit)
            .ToListAsync(cancellationToken);
        var durations = samples.Select(s => s.FinishedAt!.Value - s.ReceivedAt!.Value).Where(d => d >= TimeSpan.Zero).ToList();
        return Latency(durations);
    }

    /// <summary>The median and 95th percentile (nearest rank) of <paramref name="durations"/>.</summary>
    public static LatencySummary Latency(IReadOnlyCollection<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Count == 0)
        {
            return new LatencySummary(0, null, null);
        }

        var sorted = durations.Order().ToList();
        TimeSpan Rank(double percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new LatencySummary(sorted.Count, Rank(0.50), Rank(0.95));
    }

    private static async Task<DateTime?> LastDeliveryAsync(ZohoJiraDbContext db, string source, CancellationToken cancellationToken) =>
        await db.InboundEvents.AsNoTracking()
            .Where(e => e.Source == source)
            .OrderByDescending(e => e.Id)
            .Select(e => (DateTime?)e.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
