using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>The connector's own OpenTelemetry instruments on the <c>ZohoJira</c> meter. Names are stable (operators
/// alert on them) and listed in docs/operations.md. Counters and the latency histogram are recorded as work finishes;
/// the queue gauges read the work table when a collector asks (at most once a second, whichever instruments ask).</summary>
public sealed class SyncMetrics
{
    public const string MeterName = "ZohoJira";

    public const string QueueDepth = "zohojira.sync.queue.depth";
    public const string OldestWaitingAge = "zohojira.sync.queue.oldest_age";
    public const string ConnectorPaused = "zohojira.sync.paused";
    public const string Applied = "zohojira.sync.work.applied";
    public const string Failed = "zohojira.sync.work.failed";
    public const string Parked = "zohojira.sync.work.parked";
    public const string Latency = "zohojira.sync.latency";
    public const string VendorCalls = "zohojira.vendor.calls";
    public const string VendorRateLimited = "zohojira.vendor.rate_limited";

    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(1);

    private readonly IServiceProvider _services;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _parked;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _vendorCalls;
    private readonly Counter<long> _vendorRateLimited;
    private readonly Lock _gate = new();
    private (WorkStatistics Stats, bool Paused, long At)? _snapshot;

    public SyncMetrics(IMeterFactory meterFactory, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _services = services;
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>(Applied, "{item}", "Work items that finished successfully (a change applied to the other side).");
        _failed = meter.CreateCounter<long>(Failed, "{item}", "Failed attempts of work items (retried or parked).");
        _parked = meter.CreateCounter<long>(Parked, "{item}", "Work items parked for an admin to retry or skip.");
        _latency = meter.CreateHistogram<double>(Latency, "s", "Webhook received to change applied, for work a webhook caused.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });
        _vendorCalls = meter.CreateCounter<long>(VendorCalls, "{call}", "HTTP calls to Zoho and Jira (each attempt), by vendor and status class.");
        _vendorRateLimited = meter.CreateCounter<long>(VendorRateLimited, "{call}", "Vendor answers of 429 Too Many Requests, by vendor.");
        meter.CreateObservableGauge(QueueDepth, ObserveDepth, "{item}", "Unfinished work items by state (ready, running, parked).");
        meter.CreateObservableGauge(OldestWaitingAge, () => Snapshot() is { } s ? s.Stats.OldestWaitingAge.TotalSeconds : 0d, "s",
            "Age of the oldest ready or running work item.");
        meter.CreateObservableGauge(ConnectorPaused, () => Snapshot() is { Paused: true } ? 1 : 0, "{state}",
            "1 while an admin has paused the connector, else 0.");
    }

    /// <summary>Records a work item's finished attempt: applied (with its latency when a webhook caused it), failed, parked.</summary>
    public void Completed(WorkItem item, WorkOutcome outcome, bool parked, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var kind = new KeyValuePair<string, object?>("kind", item.Kind);
        if (outcome is WorkFailed failure)
        {
            var category = new KeyValuePair<string, object?>("category", failure.Category.ToString());
            _failed.Add(1, kind, category);
            if (parked)
            {
                _parked.Add(1, kind, category);
            }

            return;
        }

        _applied.Add(1, kind);
        if (item.ReceivedAt is { } received && now >= received)
        {
            _latency.Record((now - received).TotalSeconds, kind);
        }
    }

    /// <summary>Records one HTTP answer (or transport failure, <paramref name="status"/> null) from a vendor.</summary>
    public void VendorCall(string vendor, int? status)
    {
        var statusClass = status is { } code ? $"{code / 100}xx" : "error";
        _vendorCalls.Add(1, new KeyValuePair<string, object?>("vendor", vendor), new KeyValuePair<string, object?>("status_class", statusClass));
        if (status == 429)
        {
            _vendorRateLimited.Add(1, new KeyValuePair<string, object?>("vendor", vendor));
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (Snapshot() is not { } s)
        {
            return [];
        }

        return
        [
            new(s.Stats.Ready, new KeyValuePair<string, object?>("state", "ready")),
            new(s.Stats.Running, new KeyValuePair<string, object?>("state", "running")),
            new(s.Stats.Parked, new KeyValuePair<string, object?>("state", "parked")),
        ];
    }

    /// <summary>The queue figures, read again when the last read is older than a second; null when the database does
    /// not answer (the gauges then report nothing rather than a wrong zero).</summary>
    private (WorkStatistics Stats, bool Paused, long At)? Snapshot()
    {
        lock (_gate)
        {
            if (_snapshot is { } cached && Stopwatch.GetElapsedTime(cached.At) < SnapshotLifetime)
            {
                return cached;
            }
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var stats = _services.GetRequiredService<WorkQueue>().GetStatisticsAsync(timeout.Token).GetAwaiter().GetResult();
            var paused = _services.GetRequiredService<ConnectorPauseService>().GetAsync(timeout.Token).GetAwaiter().GetResult().Paused;
            var snapshot = (stats, paused, Stopwatch.GetTimestamp());
            lock (_gate)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
