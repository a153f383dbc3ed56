namespace ZohoJira.Core.Sync;

/// <summary>How far the scheduled cycle of one Smart Connected Item has read Zoho's changes.</summary>
public sealed class SyncCursor
{
    public Guid SmartItemId { get; set; }

    /// <summary>Records modified at or after this instant are read on the next cycle.</summary>
    public DateTime ModifiedSince { get; set; }

    public DateTime UpdatedAt { get; set; }
}
