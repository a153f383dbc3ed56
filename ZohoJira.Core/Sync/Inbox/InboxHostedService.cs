using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.Inbox;

/// <summary>Runs <see cref="ZohoInboxProcessor"/> on instances that process work (<c>Sync:Workers</c> &gt; 0): at once
/// when a webhook was stored here (the <see cref="WorkSignal"/>), and within <see cref="WorkOptions.PollMaxInterval"/>
/// for events stored by other instances.</summary>
internal sealed partial class InboxHostedService(
    ZohoInboxProcessor processor,
    WorkSignal signal,
    TimeProvider time,
    IOptions<WorkOptions> options,
    ILogger<InboxHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Workers <= 0)
        {
            return;
        }

        var interval = options.Value.PollMaxInterval > TimeSpan.Zero ? options.Value.PollMaxInterval : TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (await processor.ProcessPendingAsync(cancellationToken: stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoopFailed(logger, ex);
            }

            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(wake, Task.Delay(interval, time, stopDelay.Token));
            await stopDelay.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook inbox loop failed; retrying after a pause.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
