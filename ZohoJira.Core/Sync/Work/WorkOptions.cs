namespace ZohoJira.Core.Sync.Work;

/// <summary>The <c>Sync</c> configuration section: workers, leases, polling and retries of durable work.</summary>
public sealed class WorkOptions
{
    public const string SectionName = "Sync";

    /// <summary>Worker loops per instance; 0 turns processing off on this instance.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Names this instance in lease owners; defaults to the machine name and process id.</summary>
    public string? NodeId { get; set; }

    /// <summary>How long a claim holds an item before another instance may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running handler's lease is extended; defaults to a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan? LeaseRenewInterval { get; set; }

    /// <summary>The first poll interval after work was found (or signalled).</summary>
    public TimeSpan PollMinInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The idle poll interval grows (doubling) up to this, so other instances' work is noticed within it.</summary>
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Candidates read per claim attempt; a worker that loses a race tries the next.</summary>
    public int ClaimBatchSize { get; set; } = 8;

    /// <summary>Attempts before a transient failure parks the item.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Backoff is spread by up to ± this fraction so retries of many items do not arrive together.</summary>
    public double RetryJitterFraction { get; set; } = 0.2;

    /// <summary>The wait after a rate limit whose response named no retry time.</summary>
    public TimeSpan RateLimitFallback { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Added (scaled by the jitter sample) to a rate limit's retry time.</summary>
    public TimeSpan RateLimitJitter { get; set; } = TimeSpan.FromSeconds(5);

    internal TimeSpan EffectiveRenewInterval =>
        LeaseRenewInterval is { } interval && interval > TimeSpan.Zero ? interval : LeaseDuration / 3;
}
