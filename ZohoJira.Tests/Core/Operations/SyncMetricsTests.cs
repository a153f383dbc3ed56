using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Operations;

/// <summary>The ZohoJira meter's instruments, listened to in process (the OTLP export itself is in
/// <c>TelemetryExportTests</c>): finished work, latency, the queue gauges and vendor calls against the simulators.</summary>
public sealed class SyncMetricsTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sync:Workers", "0").With("Sync:MaxAttempts", "1");
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private MeterListener? _listener;

    public Task InitializeAsync()
    {
        _app.Start();
        var scope = _app.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SyncMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task FinishedWork_CountsAppliedFailedAndParked_AndRecordsWebhookLatency()
    {
        var worker = _app.Processor(
            DelegateHandler.Succeeding("metric-ok"),
            new DelegateHandler("metric-bad", (_, _) => Task.FromResult(WorkOutcome.Failed(FailureCategory.Validation, "Resolution is required"))));
        var received = _app.Now();
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("metric-1", kind: "metric-ok") with { ReceivedAt = received });
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("metric-2", kind: "metric-bad"));
        _app.Time.Advance(TimeSpan.FromSeconds(7));

        (await worker.DrainAsync()).Should().Be(2);

        Sum(SyncMetrics.Applied, "kind", "metric-ok").Should().Be(1);
        Sum(SyncMetrics.Failed, "kind", "metric-bad").Should().Be(1);
        Sum(SyncMetrics.Parked, "kind", "metric-bad").Should().Be(1, "a validation failure parks at once");
        _measured.Where(m => m.Name == SyncMetrics.Latency).Select(m => m.Value).Should().Equal(7d);
        _measured.Single(m => m.Name == SyncMetrics.Parked).Tags["category"].Should().Be("Validation");
    }

    [Fact]
    public async Task QueueGauges_ReadTheWorkTableWhenCollected()
    {
        await _app.Queue().EnqueueAsync(WorkTestSupport.Request("gauge-1", kind: "gauge-probe"));
        _app.Time.Advance(TimeSpan.FromSeconds(90));
        await _app.Services.GetRequiredService<ConnectorPauseService>().PauseAsync("ops-admin");
        await Task.Delay(1100); // past the gauges' one-second snapshot

        _listener!.RecordObservableInstruments();

        _measured.Last(m => m.Name == SyncMetrics.QueueDepth && Equals(m.Tags["state"], "ready")).Value.Should().BeGreaterThanOrEqualTo(1);
        _measured.Last(m => m.Name == SyncMetrics.OldestWaitingAge).Value.Should().BeGreaterThanOrEqualTo(90);
        _measured.Last(m => m.Name == SyncMetrics.ConnectorPaused).Value.Should().Be(1);
        await _app.Services.GetRequiredService<ConnectorPauseService>().ResumeAsync("ops-admin");
    }

    [Fact]
    public async Task VendorCalls_AreCountedPerAttempt_With429sApart()
    {
        var client = await ZohoSandboxConnection.ConnectAsync(_app);
        var ticket = _app.State().Records["tickets"].Keys.First();
        _measured.Clear();
        _app.Faults().RateLimitNext(1, TimeSpan.FromMilliseconds(10));

        (await client.GetRecordAsync(ZohoModule.Tickets, ticket)).Should().NotBeNull();

        Sum(SyncMetrics.VendorCalls, "vendor", VendorCallTally.ZohoDesk).Should().Be(2, "the 429 and the retry that succeeded");
        Sum(SyncMetrics.VendorRateLimited, "vendor", VendorCallTally.ZohoDesk).Should().Be(1);
        var tally = _app.Services.GetRequiredService<VendorCallTally>().Since(VendorCallTally.ZohoDesk, _app.Now().AddHours(-1));
        tally.RateLimited.Should().Be(1);
    }

    private double Sum(string name, string tag, string value) =>
        _measured.Where(m => m.Name == name && Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        _measured.Enqueue((instrument.Name, value, map));
    }
}
