using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Operations;

/// <summary>Pausing the whole connector, on real work items in SQLite: work keeps queuing, no worker of any instance
/// claims, and after resume everything drains in enqueue order. The work kinds are the test's own.</summary>
public sealed class PausingTheConnectorTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sync:Workers", "0");

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ConnectorPauseService Pause => _app.Services.GetRequiredService<ConnectorPauseService>();

    [Fact]
    public async Task WhilePaused_WorkQueuesButNoWorkerClaims_AndAfterResumeItDrainsInOrder()
    {
        var ran = new List<string>();
        var handler = DelegateHandler.Succeeding("pause-probe", item => ran.Add(item.DedupeKey));
        var first = _app.Processor(handler);
        var otherInstance = _app.Processor(handler);
        otherInstance.Name = "other-node/w1";
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("before-pause", "record:a", "pause-probe"));

        (await Pause.PauseAsync("ops-admin")).Should().BeTrue();
        (await Pause.PauseAsync("someone-else")).Should().BeFalse("it is paused already");
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("a-2", "record:a", "pause-probe"));
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("b-1", "record:b", "pause-probe"));
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("a-3", "record:a", "pause-probe"));

        (await first.DrainAsync()).Should().Be(0, "a paused connector claims nothing");
        (await otherInstance.DrainAsync()).Should().Be(0, "the flag is in the database, so every instance obeys");
        ran.Should().BeEmpty();
        var stats = await _app.Queue().GetStatisticsAsync();
        stats.Ready.Should().Be(4, "work keeps queuing while paused");
        var state = await Pause.GetAsync();
        state.Paused.Should().BeTrue();
        state.ChangedBy.Should().Be("ops-admin");

        (await Pause.ResumeAsync("ops-admin")).Should().BeTrue();
        (await first.DrainAsync()).Should().Be(4);

        ran.Should().Equal("before-pause", "a-2", "b-1", "a-3");
        (await _app.Queue().GetStatisticsAsync()).Ready.Should().Be(0);
        await using var db = _app.CreateDbContext();
        var notes = await db.Activity.AsNoTracking().Where(a => a.Kind == "connector").OrderBy(a => a.Id).Select(a => a.Message).ToListAsync();
        notes.Should().Equal("ops-admin paused the connector: work queues but does not run.", "ops-admin resumed the connector.");
        (await db.Activity.AsNoTracking().Where(a => a.Kind == "connector").Select(a => a.Outcome).Distinct().ToListAsync())
            .Should().Equal(ActivityOutcome.Info);
    }

    [Fact]
    public async Task AnItemRunningWhenPaused_Finishes_ButTheNextOneWaits()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var ran = new List<string>();
        var handler = new DelegateHandler("pause-running", async (item, ct) =>
        {
            ran.Add(item.DedupeKey);
            if (item.DedupeKey == "long")
            {
                started.SetResult();
                await release.Task.WaitAsync(ct);
            }

            return WorkOutcome.Succeeded;
        });
        var worker = _app.Processor(handler);
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("long", kind: "pause-running"));
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("next", kind: "pause-running"));

        var running = worker.RunOnceAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Pause.PauseAsync("ops-admin");
        release.SetResult();
        (await running).Should().BeTrue();

        (await worker.DrainAsync()).Should().Be(0);
        ran.Should().Equal("long");
        await Pause.ResumeAsync("ops-admin");
        (await worker.DrainAsync()).Should().Be(1);
        ran.Should().Equal("long", "next");
    }
}
