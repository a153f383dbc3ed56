using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Operations;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Operations;

/// <summary>Pause and the dashboard's aggregates on PostgreSQL: two instances behind one database obey one pause, and the
/// per-hour grouping and latency read the same there as on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOperationsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task APauseOnOneInstance_StopsTheOther_AndResumeDrainsInOrder()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = new ZohoJiraAppFactory().UsePostgres(database).With("Sync:Workers", "0").Start();
        await using var second = new ZohoJiraAppFactory().UsePostgres(database).With("Sync:Workers", "0").Start();
        var ran = new List<string>();
        var worker = second.Processor(DelegateHandler.Succeeding("pg-pause", item => ran.Add(item.DedupeKey)));

        await first.Services.GetRequiredService<ConnectorPauseService>().PauseAsync("ops-admin");
        await first.Queue().EnqueueAsync(WorkTestSupport.Request("pg-1", "record:x", "pg-pause"));
        await first.Queue().EnqueueAsync(WorkTestSupport.Request("pg-2", "record:y", "pg-pause"));
        await first.Queue().EnqueueAsync(WorkTestSupport.Request("pg-3", "record:x", "pg-pause"));

        (await worker.DrainAsync()).Should().Be(0, "the other instance reads the same flag");
        (await second.Services.GetRequiredService<ConnectorPauseService>().ResumeAsync("ops-admin")).Should().BeTrue();
        (await worker.DrainAsync()).Should().Be(3);
        ran.Should().Equal("pg-1", "pg-2", "pg-3");
    }

    [Fact]
    public async Task TheDashboard_GroupsByHour_AndMeasuresLatency()
    {
        await using var app = new ZohoJiraAppFactory().UsePostgres(await postgres.CreateDatabaseAsync()).With("Sync:Workers", "0").Start();
        var now = app.Now();
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using (var db = app.CreateDbContext())
        {
            db.Activity.Add(new ActivityEntry { OccurredAt = hour.AddMinutes(2), Direction = ActivityDirections.JiraToZoho, Kind = "field", Outcome = ActivityOutcome.Applied, Message = "pg" });
            db.Activity.Add(new ActivityEntry { OccurredAt = hour.AddHours(-5).AddMinutes(30), Direction = ActivityDirections.ZohoToJira, Kind = "field", Outcome = ActivityOutcome.Applied, Message = "pg" });
            db.Activity.Add(new ActivityEntry { OccurredAt = hour.AddDays(-2), Direction = ActivityDirections.ZohoToJira, Kind = "status", Outcome = ActivityOutcome.Failed, Message = "pg" });
            await db.SaveChangesAsync();
        }

        var worker = app.Processor(DelegateHandler.Succeeding("pg-latency"));
        await app.Queue().EnqueueAsync(WorkTestSupport.Request("pg-latency-1", kind: "pg-latency") with { ReceivedAt = app.Now() });
        app.Time.Advance(TimeSpan.FromSeconds(4));
        await worker.DrainAsync();

        var view = await app.Services.GetRequiredService<SyncDashboardService>().GetAsync();

        view.Last24Hours[^1].Should().Be(new HourlyCounts(hour, 0, 1, 0));
        view.Last24Hours[^6].Should().Be(new HourlyCounts(hour.AddHours(-5), 1, 0, 0));
        view.Last7Days!.Single(h => h.Hour == hour.AddDays(-2)).Failed.Should().Be(1);
        view.Latency.Should().Be(new LatencySummary(1, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)));
    }
}
