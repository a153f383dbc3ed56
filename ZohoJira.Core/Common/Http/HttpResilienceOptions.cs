namespace ZohoJira.Core.Common.Http;

/// <summary>How a vendor client retries, times out and backs off from a failing host. Defaults suit Zoho Desk and Jira
/// Cloud.</summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Retries after the first attempt, for idempotent requests only.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one attempt without a body to send may take before it counts as a timeout (until the response
    /// headers arrive; reading a streamed response is not limited by it).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long one attempt that sends a body (an attachment upload of up to 100 MB, a form) may take. Long
    /// enough for 100 MB at about 1.5 Mbit/s; a stalled connection still ends.</summary>
    public TimeSpan UploadAttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A <c>Retry-After</c> up to this long is waited out inside the call; a longer one is returned to the caller,
    /// which reschedules the work instead of holding a thread.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed calls to one host, within <see cref="CircuitSamplingDuration"/>, that stops calls to that
    /// host for <see cref="CircuitBreakDuration"/>.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls to one host within the sampling window before the breaker judges it at all.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the breaker counts a host's failures.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls to a failing host are refused before one is let through to test it.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A copy with another per-attempt timeout (short calls such as token requests).</summary>
    public HttpResilienceOptions WithAttemptTimeout(TimeSpan attemptTimeout)
    {
        var copy = (HttpResilienceOptions)MemberwiseClone();
        copy.AttemptTimeout = attemptTimeout;
        return copy;
    }
}
