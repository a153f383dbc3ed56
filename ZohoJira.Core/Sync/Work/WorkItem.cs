using ZohoJira.Core.Common;

namespace ZohoJira.Core.Sync.Work;

/// <summary>One durable unit of outgoing sync work (pull one record, create one issue, mirror one comment…). Claimed by
/// one worker at a time under a lease; see docs/architecture.md, "Durable work".</summary>
public sealed class WorkItem
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IWorkHandler"/> runs it, e.g. <c>zoho-pull</c>, <c>jira-create</c>, <c>comment-mirror</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What makes two requests the same work; while a row with this key is not done, enqueueing it again adds no row.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>The <see cref="DedupeKey"/> while the row is not done, null once it is: the unique index on this column
    /// allows one unfinished row per key and any number of finished ones.</summary>
    public string? ActiveDedupeKey { get; set; }

    /// <summary>The record the work concerns, e.g. <c>zoho:tickets:123</c>. Items with one ordering key run one at a time, by id.</summary>
    public required string OrderingKey { get; set; }

    public Guid? SmartItemId { get; set; }

    public Guid? LinkId { get; set; }

    /// <summary>The handler's input as JSON.</summary>
    public string Payload { get; set; } = "{}";

    public WorkItemStatus Status { get; set; }

    /// <summary>How a done item ended; null until it is done.</summary>
    public WorkItemResult? Result { get; set; }

    /// <summary>Who skipped the item, when <see cref="Result"/> is <see cref="WorkItemResult.Skipped"/>.</summary>
    public string? SkippedBy { get; set; }

    /// <summary>The same work was enqueued again while this row ran: on success it goes back to ready and runs once more,
    /// so a change that arrived during the run is never lost.</summary>
    public bool RerunRequested { get; set; }

    /// <summary>How many times a worker claimed the item (counted at claim, so a crash mid-run counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>When the item may next be claimed (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim that holds the item (node, worker and a per-claim nonce); null when nobody holds it.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastFailureMessage { get; set; }

    public FailureCategory? LastFailureCategory { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the change this work carries reached the connector (a webhook's receipt), when a webhook caused it;
    /// merged requests keep the earliest. Finished minus this is the sync latency the dashboard and metrics report.</summary>
    public DateTime? ReceivedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public enum WorkItemStatus
{
    /// <summary>Waiting to be claimed once <see cref="WorkItem.NextAttemptAt"/> has come.</summary>
    Ready = 0,

    /// <summary>Claimed by a worker under a lease.</summary>
    Running = 1,

    /// <summary>Finished; see <see cref="WorkItem.Result"/>.</summary>
    Done = 2,

    /// <summary>Stopped after a failure that retrying cannot fix; waits for an admin (or a reconnect, for auth failures).</summary>
    Parked = 3,
}

public enum WorkItemResult
{
    Succeeded = 0,

    /// <summary>An admin skipped the parked item.</summary>
    Skipped = 1,
}
