namespace ZohoJira.Core.Operations;

/// <summary>Everything the Overview's dashboard shows, read at one moment: the sync card's figures, the connector's
/// condition, applied changes and failures per hour, latency, vendor budgets and connection health.</summary>
public sealed record SyncDashboard(
    SyncHealth Health,
    ConnectorCondition Condition,
    IReadOnlyList<string> StallReasons,
    ConnectorState Connector,
    IReadOnlyList<HourlyCounts> Last24Hours,
    IReadOnlyList<HourlyCounts>? Last7Days,
    LatencySummary Latency,
    VendorBudget Budget,
    ConnectionHealth Connections,
    DateTime TakenAt);

/// <summary>What the connector is doing, as one word the dashboard shows in colour. <see cref="Paused"/> (an admin
/// stopped it on purpose) is deliberately distinct from <see cref="Stalled"/> (it should be working and is not).</summary>
public enum ConnectorCondition
{
    /// <summary>Nothing waits; the connector is ready for the next change.</summary>
    Idle,

    /// <summary>Work is waiting or running and keeping up.</summary>
    Working,

    /// <summary>An admin paused it: work queues and waits for resume.</summary>
    Paused,

    /// <summary>It falls behind or cannot authenticate (the readiness check says Degraded).</summary>
    Stalled,
}

/// <summary>One hour's figures: changes applied each way and failures (activity entries), the hour starting at <see cref="Hour"/> (UTC).</summary>
public sealed record HourlyCounts(DateTime Hour, int ZohoToJira, int JiraToZoho, int Failed);

/// <summary>Webhook received → change applied, over the work that finished in the last 24 hours and came from a webhook.</summary>
public sealed record LatencySummary(int Samples, TimeSpan? P50, TimeSpan? P95);

/// <summary>Vendor budgets: Zoho Desk API credits (<see cref="ZohoRemaining"/> is what Zoho said is left today; the
/// allowance is configured, <c>Operations:ZohoDailyCredits</c>, since Zoho does not send it), and 429 answers in the
/// last 24 hours (this instance's count).</summary>
public sealed record VendorBudget(
    long? ZohoRemaining,
    long? ZohoDailyAllowance,
    long ZohoSpentByThisInstanceToday,
    DateTimeOffset? ZohoObservedAt,
    long ZohoRateLimitHits24h,
    long JiraCalls24h,
    long JiraRateLimitHits24h)
{
    /// <summary>Credits used today by every app of the Zoho organization: allowance minus remaining, when both are known.</summary>
    public long? ZohoUsedToday => ZohoDailyAllowance is { } allowance && ZohoRemaining is { } remaining ? Math.Max(0, allowance - remaining) : null;
}

/// <summary>The connections as the sync depends on them: the Zoho token, the webhook subscriptions on both sides with the
/// last delivery received, and the Jira account.</summary>
public sealed record ConnectionHealth(
    bool ZohoConnected,
    string? ZohoOrganization,
    DateTime? ZohoTokenExpiresAt,
    string? ZohoAuthError,
    bool ZohoWebhookSubscribed,
    DateTime? ZohoLastDelivery,
    bool JiraConnected,
    string? JiraAccount,
    string? JiraError,
    string? JiraWebhookState,
    DateTime? JiraLastDelivery);
