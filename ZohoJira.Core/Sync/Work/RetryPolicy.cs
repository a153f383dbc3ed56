using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;

namespace ZohoJira.Core.Sync.Work;

/// <summary>What happens to a failed item: run again at <see cref="RetryAt"/>, or park (when <see cref="RetryAt"/> is null).</summary>
public readonly record struct RetryDecision(DateTime? RetryAt)
{
    public static RetryDecision Park => new(null);

    public bool Parks => RetryAt is null;
}

/// <summary>Decides retry or park for a failure. Pure: the caller passes the time and a jitter sample in [0, 1), so the
/// same inputs always give the same decision.
/// <list type="bullet">
/// <item>Rate limits: the vendor's retry time (or <see cref="WorkOptions.RateLimitFallback"/> when it gave none) plus up
/// to <see cref="WorkOptions.RateLimitJitter"/>; never parked by the attempt cap (the vendor said when, the item is fine).</item>
/// <item>Transient, timeout and conflict: exponential backoff from <see cref="WorkOptions.RetryBaseDelay"/>, capped at
/// <see cref="WorkOptions.RetryMaxDelay"/>, with ±<see cref="WorkOptions.RetryJitterFraction"/> jitter (never earlier
/// than a retry time the vendor gave); parked once <see cref="WorkOptions.MaxAttempts"/> attempts were made.</item>
/// <item>Validation, permission, not found, unknown: parked at once. Authentication: parked too, and the item keeps the
/// category so a reconnect releases it.</item>
/// </list></summary>
public sealed class RetryPolicy(IOptions<WorkOptions> options)
{
    private readonly WorkOptions _options = options.Value;

    public RetryPolicy(WorkOptions options)
        : this(Options.Create(options))
    {
    }

    /// <param name="failure">The failure the handler reported.</param>
    /// <param name="attempts">Attempts made so far, including the one that just failed.</param>
    /// <param name="now">The current time (UTC).</param>
    /// <param name="jitter">A sample in [0, 1).</param>
    public RetryDecision Decide(WorkFailed failure, int attempts, DateTime now, double jitter)
    {
        ArgumentNullException.ThrowIfNull(failure);
        jitter = Math.Clamp(jitter, 0, 1);
        switch (failure.Category)
        {
            case FailureCategory.RateLimited:
                var after = failure.RetryAt is { } at && at > now ? at : now + _options.RateLimitFallback;
                return new RetryDecision(after + _options.RateLimitJitter * jitter);

            case FailureCategory.Transient:
            case FailureCategory.Timeout:
            case FailureCategory.Conflict:
                if (attempts >= _options.MaxAttempts)
                {
                    return RetryDecision.Park;
                }

                var exponent = Math.Clamp(attempts - 1, 0, 30);
                var backoff = TimeSpan.FromTicks((long)Math.Min(
                    _options.RetryBaseDelay.Ticks * Math.Pow(2, exponent),
                    _options.RetryMaxDelay.Ticks));
                var factor = 1 + (_options.RetryJitterFraction * ((2 * jitter) - 1));
                var retryAt = now + TimeSpan.FromTicks((long)(backoff.Ticks * factor));
                return new RetryDecision(failure.RetryAt is { } vendorAt && vendorAt > retryAt ? vendorAt : retryAt);

            default:
                return RetryDecision.Park;
        }
    }
}
