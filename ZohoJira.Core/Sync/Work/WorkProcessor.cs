using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;

namespace ZohoJira.Core.Sync.Work;

/// <summary>One worker: claims due items, runs each through the <see cref="IWorkHandler"/> of its kind while renewing the
/// lease, and records the outcome. A failing or throwing handler becomes a recorded failure of that item only.
/// <see cref="RunAsync"/> is the hosted loop; tests drive <see cref="RunOnceAsync"/> and <see cref="DrainAsync"/>.</summary>
public sealed partial class WorkProcessor
{
    private readonly WorkQueue _queue;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly WorkOptions _options;
    private readonly ILogger<WorkProcessor> _logger;
    private readonly Dictionary<string, IWorkHandler> _handlers;
    private readonly string[] _kinds;

    public WorkProcessor(
        WorkQueue queue,
        IEnumerable<IWorkHandler> handlers,
        WorkSignal signal,
        TimeProvider time,
        IOptions<WorkOptions> options,
        ILogger<WorkProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _signal = signal;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _handlers = new Dictionary<string, IWorkHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"Two work handlers are registered for kind '{handler.Kind}'.");
            }
        }

        _kinds = [.. _handlers.Keys];
        Name = $"{NodeName(_options)}/{Guid.NewGuid().ToString("N")[..6]}";
    }

    /// <summary>Names this worker in lease owners (each claim adds a nonce).</summary>
    public string Name { get; set; }

    /// <summary>The kinds this worker claims: those with a registered handler. Items of other kinds wait for an instance
    /// that handles them.</summary>
    public IReadOnlyCollection<string> Kinds => _kinds;

    /// <summary>Claims and processes one item; false when none was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (_kinds.Length == 0)
        {
            return false;
        }

        var owner = $"{Name}/{Guid.NewGuid().ToString("N")[..8]}";
        var claim = await _queue.ClaimAsync(owner, _kinds, cancellationToken);
        if (claim is null)
        {
            return false;
        }

        await ProcessAsync(claim, cancellationToken);
        return true;
    }

    /// <summary>Processes due items until none is left (or <paramref name="maxItems"/> were processed); returns how many.</summary>
    public async Task<int> DrainAsync(int maxItems = 10_000, CancellationToken cancellationToken = default)
    {
        var processed = 0;
        while (processed < maxItems && await RunOnceAsync(cancellationToken))
        {
            processed++;
        }

        return processed;
    }

    /// <summary>The worker loop: runs items back to back; when idle, waits for the in-process signal or a poll interval
    /// that starts at <see cref="WorkOptions.PollMinInterval"/> and doubles up to <see cref="WorkOptions.PollMaxInterval"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var minimum = TimeSpan.FromTicks(Math.Max(_options.PollMinInterval.Ticks, TimeSpan.FromMilliseconds(10).Ticks));
        var maximum = TimeSpan.FromTicks(Math.Max(_options.PollMaxInterval.Ticks, minimum.Ticks));
        var idle = minimum;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = _signal.Next;
            bool worked;
            try
            {
                worked = await RunOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database is unreachable or similar: keep the loop alive and try again after a pause.
                LogLoopFailed(_logger, Name, ex);
                worked = false;
                idle = maximum;
            }

            if (worked)
            {
                idle = minimum;
                continue;
            }

            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(idle, _time, stopDelay.Token);
            var first = await Task.WhenAny(wake, delay);
            await stopDelay.CancelAsync();
            idle = first == wake ? minimum : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, maximum.Ticks));
        }
    }

    private async Task ProcessAsync(ClaimedWork claim, CancellationToken cancellationToken)
    {
        var handler = _handlers[claim.Item.Kind];
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(claim, leaseLost, stopRenewing.Token);
        WorkOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(claim.Item, leaseLost.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopRenewingAsync(stopRenewing, renewal);
            await _queue.ReleaseAsync(claim, CancellationToken.None);
            return;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            await StopRenewingAsync(stopRenewing, renewal);
            LogLeaseLost(_logger, claim.Item.Id, claim.Item.Kind);
            return;
        }
        catch (ExternalApiException ex)
        {
            outcome = WorkOutcome.FromException(ex, _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // A call's own timeout (HttpClient reports it as a cancellation nobody asked for).
            outcome = WorkOutcome.Failed(FailureCategory.Timeout, $"{ex.GetType().Name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = WorkOutcome.Failed(FailureCategory.Transient, $"{ex.GetType().Name}: {ex.Message}");
        }

        await StopRenewingAsync(stopRenewing, renewal);
        outcome ??= WorkOutcome.Failed(FailureCategory.Unknown, "The handler returned no outcome.");
        var applied = await _queue.CompleteAsync(claim, outcome, Random.Shared.NextDouble(), CancellationToken.None);
        if (!applied)
        {
            LogLeaseLost(_logger, claim.Item.Id, claim.Item.Kind);
        }
        else if (outcome is WorkFailed failed)
        {
            LogItemFailed(_logger, claim.Item.Id, claim.Item.Kind, failed.Category, claim.Item.Attempts);
        }
    }

    private async Task RenewWhileRunningAsync(ClaimedWork claim, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = _options.EffectiveRenewInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, stop);
                if (!await _queue.RenewAsync(claim, stop))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failed renewal is retried at the next tick; the lease still has time left.
                LogRenewFailed(_logger, claim.Item.Id, ex);
            }
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource stop, Task renewal)
    {
        await stop.CancelAsync();
        await renewal;
    }

    internal static string NodeName(WorkOptions options) =>
        string.IsNullOrWhiteSpace(options.NodeId) ? $"{Environment.MachineName}:{Environment.ProcessId}" : options.NodeId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Id} ({Kind}) failed ({Category}) on attempt {Attempts}.")]
    private static partial void LogItemFailed(ILogger logger, long id, string kind, FailureCategory category, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Id} ({Kind}): the lease was taken over; this worker's result was not applied.")]
    private static partial void LogLeaseLost(ILogger logger, long id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of work item {Id} failed.")]
    private static partial void LogRenewFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work loop {Worker} failed; retrying after a pause.")]
    private static partial void LogLoopFailed(ILogger logger, string worker, Exception exception);
}
