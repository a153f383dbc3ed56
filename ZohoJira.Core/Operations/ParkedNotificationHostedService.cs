using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZohoJira.Core.Operations;

/// <summary>Runs <see cref="ParkedNotifier"/> every <see cref="ParkedNotificationOptions.Interval"/> while notifications
/// are enabled (on every instance: the notifier's watermark lets exactly one send each round).</summary>
internal sealed partial class ParkedNotificationHostedService(
    ParkedNotifier notifier,
    IOptions<ParkedNotificationOptions> options,
    TimeProvider time,
    ILogger<ParkedNotificationHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await notifier.NotifyAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for newly parked work to notify about failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
