using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Delivers the simulated site's admin webhooks the way Jira Cloud does: a JSON POST to each registered URL whose
/// events and JQL filter match, signed with <c>X-Hub-Signature: sha256=...</c> when a secret is set, carrying an
/// <c>X-Atlassian-Webhook-Identifier</c> that stays the same on retries, retried on 408/409/425/429/5xx and connection
/// failures with <c>X-Atlassian-Webhook-Retry: n</c> — at least once, so sometimes twice.</summary>
internal sealed partial class JiraSandboxWebhooks(
    IHttpClientFactory httpClientFactory,
    JiraSandboxFaults faults,
    TimeProvider time,
    ILogger<JiraSandboxWebhooks> logger) : BackgroundService
{
    public const string HttpClientName = "JiraSandboxWebhooks";

    private const int MaxRetries = 5;

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>();
    private readonly Lock _gate = new();
    private readonly List<DeliveryRecord> _recent = [];
    private int _pending;

    /// <summary>The last deliveries (newest last), for tests and the sandbox console.</summary>
    public IReadOnlyList<DeliveryRecord> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Queues the event for every matching webhook. Call under the state's lock (reads the registrations).</summary>
    public void Publish(JiraSandboxState state, string eventType, JsonObject payload, SimIssue? issue)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!faults.WebhookRichTextAsAdf)
        {
            JiraSandboxEvents.FlattenRichText(payload);
        }

        var identifier = Guid.NewGuid().ToString();
        foreach (var hook in state.Webhooks.Where(h => h.Enabled && h.Events.Contains(eventType, StringComparer.Ordinal)))
        {
            if (issue is not null && !string.IsNullOrWhiteSpace(hook.Jql) && !Matches(hook.Jql, issue, state))
            {
                continue;
            }

            if (faults.TakeDrop())
            {
                continue;
            }

            var body = Encoding.UTF8.GetBytes((hook.ExcludeBody ? new JsonObject() : payload).ToJsonString(JiraSandboxHttp.WireJson));
            var delivery = new Delivery(hook.Url, hook.Secret, body, identifier, eventType);
            Enqueue(delivery);
            if (faults.TakeDuplicate())
            {
                Enqueue(delivery);
            }
        }
    }

    /// <summary>Waits until every queued delivery finished (delivered or given up).</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(20, cts.Token);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Deliveries run concurrently (Jira uses several connections; order is not guaranteed).
            _ = Task.Run(() => DeliverAsync(delivery, stoppingToken), stoppingToken);
        }
    }

    private static bool Matches(string jql, SimIssue issue, JiraSandboxState state)
    {
        try
        {
            return JiraSandboxJql.Parse(jql, state.Time.GetUtcNow()).Apply([issue], state).Any();
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool ShouldRetry(int status) => status is 408 or 409 or 425 or 429 or >= 500;

    private void Enqueue(Delivery delivery)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(delivery);
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt <= MaxRetries; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(faults.WebhookRetryDelay, time, cancellationToken);
                }

                var status = await SendOnceAsync(delivery, attempt, cancellationToken);
                Record(new DeliveryRecord(delivery.Identifier, delivery.EventType, delivery.Url, attempt, status));
                if (status is >= 200 and < 300 || (status is not null && !ShouldRetry(status.Value)))
                {
                    return;
                }
            }

            LogGaveUp(logger, delivery.EventType, delivery.Url);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task<int?> SendOnceAsync(Delivery delivery, int attempt, CancellationToken cancellationToken)
    {
        if (faults.TakeAttemptFailure())
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        request.Content = new ByteArrayContent(delivery.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("Atlassian-Webhook-HTTP-Client");
        request.Headers.Add(JiraWebhookHeaders.Identifier, delivery.Identifier);
        request.Headers.Add(JiraWebhookHeaders.Flow, "Primary");
        if (attempt > 0)
        {
            request.Headers.Add(JiraWebhookHeaders.Retry, attempt.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            request.Headers.Add(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute(delivery.Secret, delivery.Body));
        }

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogFailed(logger, delivery.EventType, delivery.Url, ex.Message);
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Record(DeliveryRecord record)
    {
        lock (_gate)
        {
            _recent.Add(record);
            if (_recent.Count > 200)
            {
                _recent.RemoveAt(0);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sandbox Jira: webhook {EventType} to {Url} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string eventType, string url, string reason);

    [LoggerMessage(LogLevel.Warning, "Sandbox Jira: gave up delivering webhook {EventType} to {Url}")]
    private static partial void LogGaveUp(ILogger logger, string eventType, string url);

    private sealed record Delivery(string Url, string? Secret, byte[] Body, string Identifier, string EventType);

    /// <summary>One delivery attempt: which event, where, which retry, and the receiver's status (null: no answer).</summary>
    internal sealed record DeliveryRecord(string Identifier, string EventType, string Url, int Attempt, int? Status);
}
