namespace ZohoJira.Core.Sync;

/// <summary>A verified webhook delivery, stored before it is acknowledged and processed afterwards.</summary>
public sealed class InboundEvent
{
    public long Id { get; set; }

    /// <summary>zoho or jira.</summary>
    public required string Source { get; set; }

    /// <summary>Unique per source: a redelivery of the same event is recognised and stored once.</summary>
    public required string DedupeKey { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public DateTime ReceivedAt { get; set; }

    public InboundEventStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Node that holds the event while processing; lets several instances share the queue.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }
}
