namespace ZohoJira.Core.Common.Http;

/// <summary>How a vendor client retries. Defaults suit Zoho Desk and Jira Cloud.</summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Retries after the first attempt, for idempotent requests only.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>A <c>Retry-After</c> up to this long is waited out inside the call; a longer one is returned to the caller,
    /// which reschedules the work instead of holding a thread.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
