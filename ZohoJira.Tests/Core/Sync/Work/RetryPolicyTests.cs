using ZohoJira.Core.Common;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Tests.Core.Sync.Work;

public sealed class RetryPolicyTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private static readonly WorkOptions Options = new()
    {
        MaxAttempts = 8,
        RetryBaseDelay = TimeSpan.FromSeconds(10),
        RetryMaxDelay = TimeSpan.FromMinutes(30),
        RetryJitterFraction = 0.2,
        RateLimitFallback = TimeSpan.FromSeconds(60),
        RateLimitJitter = TimeSpan.FromSeconds(5),
    };

    [Theory]
    // Exponential backoff for transient failures, timeouts and conflicts; jitter 0.5 is the middle (no spread).
    [InlineData(FailureCategory.Transient, 1, null, 0.5, 10.0)]
    [InlineData(FailureCategory.Transient, 2, null, 0.5, 20.0)]
    [InlineData(FailureCategory.Timeout, 3, null, 0.5, 40.0)]
    [InlineData(FailureCategory.Conflict, 1, null, 0.5, 10.0)]
    [InlineData(FailureCategory.Transient, 7, null, 0.5, 640.0)]
    // Jitter spreads the delay by ±20 %.
    [InlineData(FailureCategory.Transient, 1, null, 0.0, 8.0)]
    [InlineData(FailureCategory.Transient, 1, null, 1.0, 12.0)]
    [InlineData(FailureCategory.Timeout, 2, null, 0.25, 18.0)]
    // A vendor's retry time later than the backoff wins.
    [InlineData(FailureCategory.Transient, 1, 300.0, 0.5, 300.0)]
    [InlineData(FailureCategory.Transient, 3, 5.0, 0.5, 40.0)]
    // Rate limits: the vendor's time plus up to 5 s of jitter, or 60 s when the vendor named none; never capped.
    [InlineData(FailureCategory.RateLimited, 1, 30.0, 0.0, 30.0)]
    [InlineData(FailureCategory.RateLimited, 1, 30.0, 0.5, 32.5)]
    [InlineData(FailureCategory.RateLimited, 1, null, 0.0, 60.0)]
    [InlineData(FailureCategory.RateLimited, 1, null, 1.0, 65.0)]
    [InlineData(FailureCategory.RateLimited, 50, 30.0, 0.0, 30.0)]
    // Transient failures park once the attempt cap is reached.
    [InlineData(FailureCategory.Transient, 8, null, 0.5, null)]
    [InlineData(FailureCategory.Timeout, 12, null, 0.5, null)]
    // Permanent failures and unknown ones park at once, even when a retry time was given.
    [InlineData(FailureCategory.Validation, 1, null, 0.5, null)]
    [InlineData(FailureCategory.Permission, 1, 30.0, 0.5, null)]
    [InlineData(FailureCategory.NotFound, 1, null, 0.5, null)]
    [InlineData(FailureCategory.Unknown, 1, null, 0.5, null)]
    [InlineData(FailureCategory.Authentication, 1, 30.0, 0.5, null)]
    public void Decide_FollowsTheTable(FailureCategory category, int attempts, double? vendorRetrySeconds, double jitter, double? expectedDelaySeconds)
    {
        var policy = new RetryPolicy(Options);
        var failure = (WorkFailed)WorkOutcome.Failed(category, "boom", vendorRetrySeconds is { } s ? Now.AddSeconds(s) : null);

        var decision = policy.Decide(failure, attempts, Now, jitter);

        if (expectedDelaySeconds is null)
        {
            decision.Parks.Should().BeTrue();
            decision.RetryAt.Should().BeNull();
        }
        else
        {
            decision.Parks.Should().BeFalse();
            (decision.RetryAt!.Value - Now).TotalSeconds.Should().BeApproximately(expectedDelaySeconds.Value, 0.001);
        }
    }

    [Fact]
    public void Backoff_IsCappedAtTheMaximumDelay()
    {
        var policy = new RetryPolicy(new WorkOptions { MaxAttempts = 100, RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(30), RetryJitterFraction = 0 });
        var failure = (WorkFailed)WorkOutcome.Failed(FailureCategory.Transient, "down");

        policy.Decide(failure, 20, Now, 0.9).RetryAt.Should().Be(Now.AddMinutes(30));
        policy.Decide(failure, 99, Now, 0.1).RetryAt.Should().Be(Now.AddMinutes(30));
    }

    [Fact]
    public void Jitter_SpreadsRetriesOfManyItems()
    {
        var policy = new RetryPolicy(Options);
        var failure = (WorkFailed)WorkOutcome.Failed(FailureCategory.Transient, "down");
        var random = new Random(42);

        var times = Enumerable.Range(0, 50).Select(_ => policy.Decide(failure, 1, Now, random.NextDouble()).RetryAt!.Value).ToList();

        times.Distinct().Count().Should().BeGreaterThan(40);
        times.Should().OnlyContain(t => t >= Now.AddSeconds(8) && t <= Now.AddSeconds(12));
    }

    [Fact]
    public void FromException_KeepsTheCategoryAndTurnsRetryAfterIntoATime()
    {
        var exception = new ExternalApiException(ExternalSystem.Jira, FailureCategory.RateLimited, "Too many requests", 429, retryAfter: TimeSpan.FromSeconds(17));

        var outcome = WorkOutcome.FromException(exception, Now);

        outcome.Should().Be(new WorkFailed(FailureCategory.RateLimited, "Too many requests", Now.AddSeconds(17)));
    }
}
