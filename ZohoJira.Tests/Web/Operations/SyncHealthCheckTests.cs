using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Operations;

/// <summary>The readiness check's sync part, on the app's clock and real work items (an app of its own).</summary>
public sealed class SyncHealthCheckTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Readiness_TurnsDegraded_WhenWorkWaitsTooLong_OrWaitsForAReconnect_AndBackWhenItClears()
    {
        (await SyncStatusAsync()).Status.Should().Be(HealthStatus.Healthy);

        var queue = _app.Services.GetRequiredService<WorkQueue>();
        var waiting = await queue.EnqueueAsync(new WorkRequest("health-probe", "health:waiting", "health:a"));
        (await SyncStatusAsync()).Status.Should().Be(HealthStatus.Healthy, "a change that just arrived is not late");

        _app.Time.Advance(TimeSpan.FromMinutes(11));
        var late = await SyncStatusAsync();
        late.Status.Should().Be(HealthStatus.Degraded);
        late.Description.Should().Contain("the oldest waiting change is 11 min old");

        await SetAsync(waiting.Id, WorkItemStatus.Parked, FailureCategory.Authentication);
        var auth = await SyncStatusAsync();
        auth.Status.Should().Be(HealthStatus.Degraded);
        auth.Description.Should().Contain("1 change(s) wait for a reconnect");

        await SetAsync(waiting.Id, WorkItemStatus.Done, null);
        (await SyncStatusAsync()).Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Readiness_WhilePaused_OldWaitingWorkIsExpected_AndSaysSo()
    {
        var pause = _app.Services.GetRequiredService<ConnectorPauseService>();
        var waiting = await _app.Services.GetRequiredService<WorkQueue>().EnqueueAsync(new WorkRequest("health-probe", "health:paused", "health:p"));
        await pause.PauseAsync("ops-admin");
        _app.Time.Advance(TimeSpan.FromMinutes(30));

        var paused = await SyncStatusAsync();
        paused.Status.Should().Be(HealthStatus.Healthy, "an admin paused it on purpose");
        paused.Description.Should().StartWith("Sync paused by an admin");
        paused.Data["paused"].Should().Be(true);

        await pause.ResumeAsync("ops-admin");
        (await SyncStatusAsync()).Status.Should().Be(HealthStatus.Degraded, "resumed, the same wait is late");
        await SetAsync(waiting.Id, WorkItemStatus.Done, null);
    }

    private async Task<HealthReportEntry> SyncStatusAsync()
    {
        var report = await _app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "sync");
        return report.Entries["sync"];
    }

    private async Task SetAsync(long id, WorkItemStatus status, FailureCategory? category)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        await db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, status)
            .SetProperty(w => w.LastFailureCategory, category));
    }
}
