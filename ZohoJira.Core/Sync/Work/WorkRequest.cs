namespace ZohoJira.Core.Sync.Work;

/// <summary>A request to do one unit of work. <paramref name="DedupeKey"/> says when two requests are the same work;
/// <paramref name="OrderingKey"/> names the record it concerns (work for one record runs in order of enqueueing).
/// <paramref name="ReceivedAt"/> is when the change reached the connector, when a webhook brought it (for latency).</summary>
public sealed record WorkRequest(
    string Kind,
    string DedupeKey,
    string OrderingKey,
    string Payload = "{}",
    Guid? SmartItemId = null,
    Guid? LinkId = null,
    DateTime? NotBefore = null,
    DateTime? ReceivedAt = null);

/// <summary>What enqueueing did.</summary>
public enum EnqueueDisposition
{
    /// <summary>A new row was added.</summary>
    Created,

    /// <summary>A ready row with the same key was waiting; it now carries the newer payload.</summary>
    Merged,

    /// <summary>A row with the same key is running; it will run once more after it succeeds.</summary>
    RerunRequested,

    /// <summary>A row with the same key is parked; it runs again when an admin retries it (or a reconnect releases it).</summary>
    AlreadyParked,
}

public readonly record struct EnqueueResult(long Id, EnqueueDisposition Disposition);

/// <summary>An item a worker holds: the row as claimed and the lease owner string that proves the claim.</summary>
public sealed record ClaimedWork(WorkItem Item, string LeaseOwner);

/// <summary>Queue figures for dashboards. <see cref="OldestWaitingAge"/> is the age of the oldest ready or running item
/// (zero when there is none): a growing value means work is stuck.</summary>
public sealed record WorkStatistics(int Ready, int Due, int Running, int Parked, int AuthParked, TimeSpan OldestWaitingAge);
