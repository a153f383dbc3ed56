namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Scripted trouble for the simulated Jira site, for tests and the sandbox console: fail the next N API calls
/// with a status (429s carry Retry-After and RateLimit-Reason), slow every call down, drop or duplicate webhook
/// deliveries, and tune the per-issue write limit. A singleton; <see cref="Reset"/> puts everything back.</summary>
public sealed class JiraSandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedFailure> _failures = new();
    private int _dropWebhooks;
    private int _duplicateWebhooks;
    private int _failWebhookAttempts;
    private int _laggingSearches;

    /// <summary>Added to every API call before it is answered.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Writes one issue may take per <see cref="PerIssueWriteWindow"/> before Jira answers 429
    /// <c>jira-per-issue-on-write</c> (Jira Cloud: 20 per 2 s).</summary>
    public int PerIssueWriteLimit { get; set; } = 20;

    public TimeSpan PerIssueWriteWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Writes one issue may take per 30 s (Jira Cloud: 100).</summary>
    public int PerIssueLongWriteLimit { get; set; } = 100;

    /// <summary>Webhook payloads carry rich text (descriptions, comment bodies) as ADF documents instead of the plain strings
    /// Jira's webhooks have historically sent; lets receivers be tested against both.</summary>
    public bool WebhookRichTextAsAdf { get; set; }

    /// <summary>Delay between webhook delivery attempts (Jira waits minutes; the sandbox seconds).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Answers the next <paramref name="count"/> API calls (whose path contains <paramref name="pathContains"/>,
    /// when given) with <paramref name="statusCode"/>.</summary>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null, string? rateLimitReason = null, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(new ScriptedFailure(statusCode, retryAfter, rateLimitReason, pathContains));
            }
        }
    }

    /// <summary>Scripted failures not yet served: 0 once every failure asked for has been answered.</summary>
    public int PendingFailures
    {
        get
        {
            lock (_gate)
            {
                return _failures.Count;
            }
        }
    }

    /// <summary>Rate-limits the next calls with 429, <c>Retry-After</c> and <c>RateLimit-Reason</c> (default burst).</summary>
    public void RateLimitNext(int count, TimeSpan retryAfter, string reason = "jira-burst-based", string? pathContains = null) =>
        FailNext(count, 429, retryAfter, reason, pathContains);

    /// <summary>The next <paramref name="count"/> webhook events are never delivered.</summary>
    public void DropNextWebhooks(int count)
    {
        lock (_gate)
        {
            _dropWebhooks += count;
        }
    }

    /// <summary>The next <paramref name="count"/> webhook events are delivered twice (same identifier, as at-least-once allows).</summary>
    public void DuplicateNextWebhooks(int count)
    {
        lock (_gate)
        {
            _duplicateWebhooks += count;
        }
    }

    /// <summary>The next <paramref name="count"/> delivery attempts fail as if the receiver did not answer (Jira retries them).</summary>
    public void FailNextWebhookAttempts(int count)
    {
        lock (_gate)
        {
            _failWebhookAttempts += count;
        }
    }

    /// <summary>The next <paramref name="count"/> JQL searches leave out issues created in the last minute, as Jira's
    /// search index can for a short while after a create.</summary>
    public void LagSearchNext(int count)
    {
        lock (_gate)
        {
            _laggingSearches += count;
        }
    }

    internal bool TakeSearchLag()
    {
        lock (_gate)
        {
            if (_laggingSearches <= 0)
            {
                return false;
            }

            _laggingSearches--;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
            _laggingSearches = 0;
            _dropWebhooks = 0;
            _duplicateWebhooks = 0;
            _failWebhookAttempts = 0;
            Latency = TimeSpan.Zero;
            PerIssueWriteLimit = 20;
            PerIssueWriteWindow = TimeSpan.FromSeconds(2);
            PerIssueLongWriteLimit = 100;
            WebhookRichTextAsAdf = false;
        }
    }

    internal ScriptedFailure? TakeFailure(string path)
    {
        lock (_gate)
        {
            if (_failures.TryPeek(out var next) && (next.PathContains is null || path.Contains(next.PathContains, StringComparison.OrdinalIgnoreCase)))
            {
                return _failures.Dequeue();
            }

            return null;
        }
    }

    internal bool TakeDrop() => Take(ref _dropWebhooks);

    internal bool TakeDuplicate() => Take(ref _duplicateWebhooks);

    internal bool TakeAttemptFailure() => Take(ref _failWebhookAttempts);

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }

    internal sealed record ScriptedFailure(int StatusCode, TimeSpan? RetryAfter, string? Reason, string? PathContains);
}
