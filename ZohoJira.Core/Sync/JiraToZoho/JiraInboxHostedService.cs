using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Runs <see cref="JiraInboxProcessor"/> on instances that process work (<c>Sync:Workers</c> &gt; 0): at once
/// when a webhook was stored here (the <see cref="WorkSignal"/>), and within <see cref="WorkOptions.PollMaxInterval"/> for
/// events stored by other instances. About once a minute it also checks that the registered Jira webhook's JQL filter
/// still names the projects Smart Connected Items use, and registers it again when that set changed.</summary>
internal sealed partial class JiraInboxHostedService(
    JiraInboxProcessor processor,
    JiraConnectionService connections,
    WorkSignal signal,
    TimeProvider time,
    IOptions<WorkOptions> options,
    ILogger<JiraInboxHostedService> logger) : BackgroundService
{
    private static readonly TimeSpan FilterCheckInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Workers <= 0)
        {
            return;
        }

        var interval = options.Value.PollMaxInterval > TimeSpan.Zero ? options.Value.PollMaxInterval : TimeSpan.FromSeconds(2);
        var nextFilterCheck = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (time.GetUtcNow() >= nextFilterCheck)
                {
                    nextFilterCheck = time.GetUtcNow() + FilterCheckInterval;
                    await CheckFilterAsync(stoppingToken);
                }

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

    private async Task CheckFilterAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await connections.EnsureWebhookFilterCurrentAsync(stoppingToken))
            {
                LogReRegistered(logger);
            }
        }
        catch (ExternalApiException ex)
        {
            LogReRegisterFailed(logger, ex.Category);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Jira webhook inbox loop failed; retrying after a pause.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The projects of Smart Connected Items changed; the Jira webhook was registered again with the new JQL filter.")]
    private static partial void LogReRegistered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the Jira webhook again failed ({Category}); the Jira page shows the error.")]
    private static partial void LogReRegisterFailed(ILogger logger, FailureCategory category);
}
