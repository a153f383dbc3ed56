using ZohoJira.Core.Common;

namespace ZohoJira.Core.Sync.Work;

/// <summary>What a handler reports for one work item: a value, not an exception. <see cref="RetryPolicy"/> turns a failure
/// into a retry time or a park.</summary>
public abstract record WorkOutcome
{
    private protected WorkOutcome()
    {
    }

    /// <summary>The work was applied; the item is done.</summary>
    public static WorkOutcome Succeeded { get; } = new WorkSucceeded();

    /// <summary>The work failed. <paramref name="retryAt"/> is the time the vendor asked us to come back (Retry-After),
    /// when it gave one.</summary>
    public static WorkOutcome Failed(FailureCategory category, string message, DateTime? retryAt = null) =>
        new WorkFailed(category, message, retryAt);

    /// <summary>Maps a vendor client's exception to a failure, keeping its category and Retry-After.</summary>
    public static WorkOutcome FromException(ExternalApiException exception, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new WorkFailed(exception.Category, exception.Message, exception.RetryAfter is { } after ? now + after : null);
    }
}

public sealed record WorkSucceeded : WorkOutcome;

public sealed record WorkFailed(FailureCategory Category, string Message, DateTime? RetryAt) : WorkOutcome;
