using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Operations;

/// <summary>The dashboard's figures over real rows in SQLite (an app of its own: it counts everything).</summary>
public sealed class SyncDashboardServiceTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sync:Workers", "0").With("Operations:ZohoDailyCredits", "150000");

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SyncDashboardService Dashboard => _app.Services.GetRequiredService<SyncDashboardService>();

    [Fact]
    public async Task Hourly_CountsAppliedEachWayAndFailures_PerCalendarHour_OverADayAndAWeek()
    {
        var now = _app.Now();
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await AddAsync(hour.AddMinutes(1), ActivityDirections.ZohoToJira, ActivityOutcome.Applied, 3);
        await AddAsync(hour.AddHours(-2).AddMinutes(59), ActivityDirections.JiraToZoho, ActivityOutcome.Applied, 2);
        await AddAsync(hour.AddHours(-2), ActivityDirections.ZohoToJira, ActivityOutcome.Failed, 1);
        await AddAsync(hour.AddHours(-2), ActivityDirections.System, ActivityOutcome.Applied, 5); // neither way: not counted
        await AddAsync(hour.AddDays(-3), ActivityDirections.ZohoToJira, ActivityOutcome.Applied, 4);
        await AddAsync(hour.AddDays(-9), ActivityDirections.ZohoToJira, ActivityOutcome.Applied, 7);

        var view = await Dashboard.GetAsync();

        view.Last24Hours.Should().HaveCount(24);
        view.Last24Hours[^1].Should().Be(new HourlyCounts(hour, 3, 0, 0));
        view.Last24Hours[^3].Should().Be(new HourlyCounts(hour.AddHours(-2), 0, 2, 1));
        view.Last24Hours.Sum(h => h.ZohoToJira).Should().Be(3);
        view.Last7Days.Should().HaveCount(24 * 7);
        view.Last7Days!.Sum(h => h.ZohoToJira).Should().Be(7, "the day's 3 and the 4 of three days ago; nine days ago is out");
        view.Last7Days.Single(h => h.Hour == hour.AddDays(-3)).ZohoToJira.Should().Be(4);
        (await Dashboard.GetAsync(includeWeek: false)).Last7Days.Should().BeNull();
    }

    [Fact]
    public async Task Latency_IsWebhookReceivedToApplied_OverWorkThatCameFromAWebhook()
    {
        var worker = _app.Processor(DelegateHandler.Succeeding("latency-probe"));
        foreach (var seconds in new[] { 1, 2, 3, 4, 40 })
        {
            var received = _app.Now();
            await _app.Queue().EnqueueAsync(WorkTestSupport.Request($"latency-{seconds}", kind: "latency-probe") with { ReceivedAt = received });
            _app.Time.Advance(TimeSpan.FromSeconds(seconds));
            (await worker.DrainAsync()).Should().Be(1);
        }

        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("scheduled", kind: "latency-probe"));
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        (await worker.DrainAsync()).Should().Be(1, "work without a webhook receipt has no latency sample");

        var latency = (await Dashboard.GetAsync(includeWeek: false)).Latency;

        latency.Samples.Should().Be(5);
        latency.P50.Should().Be(TimeSpan.FromSeconds(3));
        latency.P95.Should().Be(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Merging_KeepsTheEarliestReceipt()
    {
        var first = _app.Now();
        var one = await _app.Queue().EnqueueAsync(WorkTestSupport.Request("merge-latency", kind: "merge-probe") with { ReceivedAt = first });
        _app.Time.Advance(TimeSpan.FromSeconds(10));
        var two = await _app.Queue().EnqueueAsync(WorkTestSupport.Request("merge-latency", kind: "merge-probe") with { ReceivedAt = _app.Now() });

        two.Should().Be(new EnqueueResult(one.Id, EnqueueDisposition.Merged));
        await using var db = _app.CreateDbContext();
        (await db.WorkItems.FindAsync(one.Id))!.ReceivedAt.Should().Be(first);
    }

    [Fact]
    public async Task Condition_TellsPausedFromStalled()
    {
        (await Dashboard.GetAsync(includeWeek: false)).Condition.Should().Be(ConnectorCondition.Idle);
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("condition-probe", kind: "condition-probe"));
        (await Dashboard.GetAsync(includeWeek: false)).Condition.Should().Be(ConnectorCondition.Working);

        _app.Time.Advance(TimeSpan.FromMinutes(11));
        var stalled = await Dashboard.GetAsync(includeWeek: false);
        stalled.Condition.Should().Be(ConnectorCondition.Stalled);
        stalled.StallReasons.Should().ContainSingle().Which.Should().Contain("the oldest waiting change is 11 min old");

        await _app.Services.GetRequiredService<ConnectorPauseService>().PauseAsync("ops-admin");
        var paused = await Dashboard.GetAsync(includeWeek: false);
        paused.Condition.Should().Be(ConnectorCondition.Paused, "old waiting work is expected while an admin paused the connector");
        paused.Connector.ChangedBy.Should().Be("ops-admin");

        await using (var db = _app.CreateDbContext())
        {
            var item = db.WorkItems.Single(w => w.DedupeKey == "condition-probe");
            item.Status = WorkItemStatus.Parked;
            item.LastFailureCategory = FailureCategory.Authentication;
            await db.SaveChangesAsync();
        }

        (await Dashboard.GetAsync(includeWeek: false)).StallReasons.Should().ContainSingle()
            .Which.Should().Contain("wait for a reconnect", "an authentication failure counts even while paused");
        await _app.Services.GetRequiredService<ConnectorPauseService>().ResumeAsync("ops-admin");
    }

    [Theory]
    [InlineData(new[] { 5 }, 5, 5)]
    [InlineData(new[] { 1, 2 }, 1, 2)]
    [InlineData(new[] { 10, 1, 9, 2, 8, 3, 7, 4, 6, 5 }, 5, 10)]
    public void Percentiles_AreNearestRank(int[] seconds, int p50, int p95)
    {
        var summary = SyncDashboardService.Latency(seconds.Select(s => TimeSpan.FromSeconds(s)).ToList());

        summary.Should().Be(new LatencySummary(seconds.Length, TimeSpan.FromSeconds(p50), TimeSpan.FromSeconds(p95)));
        SyncDashboardService.Latency([]).Should().Be(new LatencySummary(0, null, null));
    }

    private async Task AddAsync(DateTime at, string direction, ActivityOutcome outcome, int count)
    {
        await using var db = _app.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            db.Activity.Add(new ActivityEntry { OccurredAt = at, Direction = direction, Kind = "field", Outcome = outcome, Message = "dashboard probe" });
        }

        await db.SaveChangesAsync();
    }
}
