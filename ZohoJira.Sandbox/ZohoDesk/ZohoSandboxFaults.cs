namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Scripted faults for the simulated Zoho Desk API, for tests and the sandbox console: fail the next calls with a
/// status, throttle them with 429, slow every call down, drop webhook deliveries. Also the per-org limits (daily credits,
/// concurrent calls).</summary>
public sealed class ZohoSandboxFaults
{
    private readonly Lock _lock = new();
    private readonly Queue<SandboxFault> _next = new();
    private int _dropWebhooks;

    /// <summary>Added before every Desk API answer.</summary>
    public TimeSpan Latency { get; private set; }

    /// <summary>Daily API credits of the organization (Enterprise: 100,000 plus per-licence credits).</summary>
    public long DailyCredits { get; set; } = 150_000;

    /// <summary>Simultaneous calls the organization allows (Enterprise: 25).</summary>
    public int ConcurrencyLimit { get; set; } = 25;

    /// <summary>The next <paramref name="count"/> Desk API calls fail with <paramref name="status"/> and Zoho's error body.</summary>
    public void FailNext(int count, int status = 500, string? errorCode = null)
    {
        var code = errorCode ?? status switch
        {
            401 => "INVALID_OAUTH",
            403 => "FORBIDDEN",
            404 => "URL_NOT_FOUND",
            422 => "INVALID_DATA",
            429 => "TOO_MANY_REQUESTS",
            _ => "INTERNAL_SERVER_ERROR",
        };
        Enqueue(count, new SandboxFault(status, code, null));
    }

    /// <summary>The next calls get 429: with a Retry-After (daily credits exhausted, THRESHOLD_EXCEEDED) or without one
    /// (too many concurrent calls, TOO_MANY_REQUESTS), as Zoho does.</summary>
    public void RateLimitNext(int count, TimeSpan? retryAfter = null) =>
        Enqueue(count, new SandboxFault(429, retryAfter is null ? "TOO_MANY_REQUESTS" : "THRESHOLD_EXCEEDED", retryAfter));

    public void AddLatency(TimeSpan latency) => Latency = latency;

    /// <summary>Scripted failures not yet served: 0 once every failure asked for has been answered.</summary>
    public int PendingFailures
    {
        get
        {
            lock (_lock)
            {
                return _next.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> webhook deliveries are lost (never sent).</summary>
    public void DropWebhooks(int count)
    {
        lock (_lock)
        {
            _dropWebhooks += count;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _next.Clear();
            _dropWebhooks = 0;
            Latency = TimeSpan.Zero;
        }
    }

    internal SandboxFault? TakeNext()
    {
        lock (_lock)
        {
            return _next.TryDequeue(out var fault) ? fault : null;
        }
    }

    internal bool TakeWebhookDrop()
    {
        lock (_lock)
        {
            if (_dropWebhooks <= 0)
            {
                return false;
            }

            _dropWebhooks--;
            return true;
        }
    }

    private void Enqueue(int count, SandboxFault fault)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }
}
