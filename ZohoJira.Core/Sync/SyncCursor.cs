namespace ZohoJira.Core.Sync;

/// <summary>How far the scheduled catch-up has read the changes of one Zoho module. One cursor per module, shared by every
/// item of that module, so a cycle asks Zoho once per module whatever the number of items and links. It only moves in the
/// transaction that enqueues the work it read: a crash re-reads, never skips.</summary>
public sealed class SyncCursor
{
    /// <summary>The Zoho module's API name (tickets, contacts, ...).</summary>
    public required string ZohoModule { get; set; }

    /// <summary>The start of the window being read (or the next one): records modified at or after this instant.</summary>
    public DateTime ModifiedSince { get; set; }

    /// <summary>Where to go on in the window being read; null when the last window was read to its end.</summary>
    public string? Continuation { get; set; }

    /// <summary>The latest modified time read so far; the next window starts there.</summary>
    public DateTime? LastModifiedTime { get; set; }

    /// <summary>The records read at <see cref="LastModifiedTime"/> (ids joined by commas, as many as fit): the next
    /// window starts at that same instant and would read them again, so they are passed over. Zoho's times have whole
    /// seconds, so several records can share the last one.</summary>
    public string? LastRecordIds { get; set; }

    internal const int LastRecordIdsLength = 2000;

    public DateTime UpdatedAt { get; set; }
}
