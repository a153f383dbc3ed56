using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Delivers the simulated Desk's webhooks the way Zoho does: a POST with a JSON array of events, an RS256
/// <c>X-ZDesk-JWT</c> header, a 5-second deadline, and the subscription removed when the receiver answers 410 Gone.
/// Deliveries run in the background, in order.</summary>
public sealed partial class ZohoSandboxWebhookDispatcher(
    IHttpClientFactory httpClientFactory,
    ZohoSandboxState state,
    ZohoSandboxSigningKey signingKey,
    ZohoSandboxFaults faults,
    TimeProvider time,
    ILogger<ZohoSandboxWebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "ZohoSandboxWebhooks";

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private readonly Channel<SandboxWebhookDelivery> _queue = Channel.CreateUnbounded<SandboxWebhookDelivery>();
    private int _pending;
    private int _delivered;

    /// <summary>Deliveries answered with 2xx so far.</summary>
    public int DeliveredCount => Volatile.Read(ref _delivered);

    /// <summary>The most recent delivery that was sent (for tests that replay it).</summary>
    public SandboxWebhookDelivery? LastDelivery { get; private set; }

    /// <summary>Queues one event for every enabled webhook subscribed to <paramref name="eventType"/>.</summary>
    public void Publish(string eventType, JsonObject payload, JsonObject? prevState = null, string? departmentId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(payload);
        List<(string Id, string Url, bool IncludePrev)> targets = [];
        lock (state.Gate)
        {
            foreach (var webhook in state.Webhooks.Values)
            {
                if (webhook["isEnabled"]?.GetValue<bool>() != true
                    || webhook["subscriptions"] is not JsonObject subscriptions
                    || !subscriptions.TryGetPropertyValue(eventType, out var filter))
                {
                    continue;
                }

                if (filter is JsonObject f && departmentId is not null && f["departmentIds"] is JsonArray departments && departments.Count > 0
                    && departments.All(d => d?.GetValue<string>() != departmentId))
                {
                    continue;
                }

                var includePrev = filter is JsonObject o && o["includePrevState"]?.GetValue<bool>() == true;
                targets.Add((webhook["id"]!.GetValue<string>(), webhook["url"]!.GetValue<string>(), includePrev));
            }
        }

        foreach (var (id, url, includePrev) in targets)
        {
            var item = new JsonObject
            {
                ["eventType"] = eventType,
                ["eventTime"] = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["orgId"] = ZohoSandboxState.OrgId,
                ["payload"] = payload.DeepClone(),
            };
            if (includePrev && prevState is not null)
            {
                item["prevState"] = prevState.DeepClone();
            }

            Interlocked.Increment(ref _pending);
            _queue.Writer.TryWrite(new SandboxWebhookDelivery(id, url, new JsonArray(item).ToJsonString(), null));
        }
    }

    /// <summary>Waits until every queued delivery was attempted.</summary>
    public async Task WhenIdleAsync(TimeSpan? timeout = null)
    {
        var limit = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (Volatile.Read(ref _pending) > 0 && Environment.TickCount64 < limit)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Sends the last delivery again, freshly signed (Zoho may deliver an event more than once).</summary>
    public async Task<HttpStatusCode?> RedeliverLastAsync(CancellationToken cancellationToken = default)
    {
        var last = LastDelivery;
        return last is null ? null : await SendAsync(last with { Jwt = null }, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (faults.TakeWebhookDrop())
                {
                    LogDropped(logger, delivery.WebhookId);
                    continue;
                }

                await SendAsync(delivery, stoppingToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                LogFailed(logger, delivery.WebhookId, ex.GetType().Name);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task<HttpStatusCode?> SendAsync(SandboxWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var jwt = delivery.Jwt ?? signingKey.Sign(ZohoSandboxState.OrgId, delivery.WebhookId, time.GetUtcNow());
        var sent = delivery with { Jwt = jwt };
        LastDelivery = sent;
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-ZDesk-JWT", jwt);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, deadline.Token);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            lock (state.Gate)
            {
                state.Webhooks.Remove(delivery.WebhookId);
            }

            LogRemoved(logger, delivery.WebhookId);
        }
        else if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            LogRefused(logger, delivery.WebhookId, (int)response.StatusCode);
        }

        return response.StatusCode;
    }

    [LoggerMessage(LogLevel.Information, "Sandbox Zoho webhook {WebhookId}: delivery dropped by fault injection")]
    private static partial void LogDropped(ILogger logger, string webhookId);

    [LoggerMessage(LogLevel.Warning, "Sandbox Zoho webhook {WebhookId}: delivery failed ({Error})")]
    private static partial void LogFailed(ILogger logger, string webhookId, string error);

    [LoggerMessage(LogLevel.Warning, "Sandbox Zoho webhook {WebhookId}: the receiver answered {Status}")]
    private static partial void LogRefused(ILogger logger, string webhookId, int status);

    [LoggerMessage(LogLevel.Information, "Sandbox Zoho webhook {WebhookId}: removed after 410 Gone")]
    private static partial void LogRemoved(ILogger logger, string webhookId);
}
