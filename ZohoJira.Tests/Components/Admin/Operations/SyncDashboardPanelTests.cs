using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Operations;

namespace ZohoJira.Tests.Components.Admin.Operations;

/// <summary>The Overview's dashboard over real figures in SQLite, with its own app and no workers (it counts
/// everything, and nothing but the tests moves the work).</summary>
public sealed class SyncDashboardPanelTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sync:Workers", "0");

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pause_ShowsPausedApartFromStalled_AndResumeGoesBack()
    {
        await using var host = new ComponentHost(_app);
        var panel = host.Render<SyncDashboardPanel>();
        panel.WaitForAssertion(() => panel.Find("#connector-condition").GetAttribute("data-condition").Should().Be("Idle"));
        panel.FindAll("#connector-paused").Should().BeEmpty();

        await panel.InvokeAsync(() => panel.Find("#connector-pause").Click());

        panel.WaitForAssertion(() => panel.Find("#connector-condition").GetAttribute("data-condition").Should().Be("Paused"));
        panel.Find("#connector-condition").TextContent.Should().Contain("Paused");
        panel.Find("#connector-paused").TextContent.Should().Contain("Paused by component-test").And.Contain("run in order after Resume");
        panel.FindAll("#connector-stalled").Should().BeEmpty();
        panel.FindAll("#connector-pause").Should().BeEmpty();
        (await _app.Services.GetRequiredService<ConnectorPauseService>().GetAsync()).Paused.Should().BeTrue();
        host.SnackbarMessages.Should().Contain("Connector paused: work keeps queuing and runs after Resume.");

        await panel.InvokeAsync(() => panel.Find("#connector-resume").Click());

        panel.WaitForAssertion(() => panel.Find("#connector-condition").GetAttribute("data-condition").Should().Be("Idle"));
        (await _app.Services.GetRequiredService<ConnectorPauseService>().GetAsync()).Paused.Should().BeFalse();
    }

    [Fact]
    public async Task OldWaitingWork_ShowsStalled_WithTheReason()
    {
        var work = await _app.Services.GetRequiredService<WorkQueue>().EnqueueAsync(new WorkRequest("stall-probe", "stall:1", "stall:record"));
        _app.Time.Advance(TimeSpan.FromMinutes(12));
        await using var host = new ComponentHost(_app);

        var panel = host.Render<SyncDashboardPanel>();

        panel.WaitForAssertion(() => panel.Find("#connector-condition").GetAttribute("data-condition").Should().Be("Stalled"));
        panel.Find("#connector-stalled").TextContent.Should().Contain("the oldest waiting change is 12 min old");
        panel.FindAll("#connector-paused").Should().BeEmpty();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        await db.WorkItems.Where(w => w.Id == work.Id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task TheFigures_FollowNewActivityLive_AndTheChartHasBothDirections()
    {
        await using var host = new ComponentHost(_app);
        var panel = host.Render<SyncDashboardPanel>();
        panel.WaitForAssertion(() => panel.Find("#dashboard-applied").TextContent.Should().Contain("0 Zoho → Jira"));
        panel.Find("#sync-latency").TextContent.Should().Contain("no webhook-driven change");
        panel.Find("#zoho-credits").TextContent.Should().Contain("no Zoho Desk answer seen yet");
        panel.Find("#health-zoho").TextContent.Should().Contain("Not connected");
        panel.Find("#applied-chart").TextContent.Should().Contain("Zoho → Jira").And.Contain("Jira → Zoho").And.Contain("Failures");

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < 2; i++)
            {
                db.Activity.Add(new ActivityEntry
                {
                    OccurredAt = _app.Time.GetUtcNow().UtcDateTime,
                    Direction = ActivityDirections.ZohoToJira,
                    Kind = "field",
                    Outcome = ActivityOutcome.Applied,
                    Message = "live probe",
                });
            }

            await db.SaveChangesAsync();
        }

        panel.WaitForAssertion(() => panel.Find("#dashboard-applied").TextContent.Should().Contain("2 Zoho → Jira"),
            SyncDashboardPanel.Interval * 3);
    }

    [Fact]
    public async Task AUser_CannotPause()
    {
        await using var host = new ComponentHost(_app, role: "User");
        var panel = host.Render<SyncDashboardPanel>();
        panel.WaitForAssertion(() => panel.Find("#connector-pause"));

        await panel.InvokeAsync(() => panel.Find("#connector-pause").Click());

        host.SnackbarMessages.Should().Contain("Only administrators can pause or resume the connector.");
        (await _app.Services.GetRequiredService<ConnectorPauseService>().GetAsync()).Paused.Should().BeFalse();
    }

    [Fact]
    public async Task Prerendered_ShowsTheFigures()
    {
        await using var host = new ComponentHost(_app, interactive: false);

        var panel = host.Render<SyncDashboardPanel>();

        panel.WaitForAssertion(() => panel.Find("#connection-health").TextContent.Should().Contain("Jira"));
        panel.Find("#rate-limits").TextContent.Should().Contain("Jira: 0 hit(s)");
    }
}
