namespace ZohoJira.Core.Activity;

/// <summary>One traceable thing the connector did or declined to do: a change applied, skipped, in conflict or failed.</summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public Guid? SmartItemId { get; set; }

    public Guid? LinkId { get; set; }

    public string? JiraIssueKey { get; set; }

    public string? ZohoRecordId { get; set; }

    /// <summary>One of <see cref="ActivityDirections"/>.</summary>
    public required string Direction { get; set; }

    /// <summary>field, status, comment, attachment, link, connection, job, ...</summary>
    public required string Kind { get; set; }

    public ActivityOutcome Outcome { get; set; }

    public required string Message { get; set; }

    public string? Details { get; set; }

    /// <summary>The durable work item that did it, when the engine did.</summary>
    public long? WorkItemId { get; set; }

    /// <summary>The work item's attempt this entry belongs to (1 for the first try).</summary>
    public int? Attempts { get; set; }
}
