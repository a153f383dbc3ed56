namespace ZohoJira.Core.Sync;

/// <summary>One scheduled or manual sync run of a Smart Connected Item.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }

    public Guid SmartItemId { get; set; }

    /// <summary>schedule, manual, webhook, panel.</summary>
    public required string Trigger { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public SyncRunOutcome Outcome { get; set; }

    public int RecordsRead { get; set; }

    public int ChangesApplied { get; set; }

    public int Failures { get; set; }

    public string? Error { get; set; }
}
