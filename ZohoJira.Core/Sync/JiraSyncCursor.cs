namespace ZohoJira.Core.Sync;

/// <summary>How far the scheduled Jira catch-up has read Jira's changes: one row for the whole site, shared by every
/// two-way and custom item, so a cycle asks Jira once whatever the number of items and links. It only moves in the
/// transaction that enqueues the work it read: a crash re-reads, never skips.</summary>
public sealed class JiraSyncCursor
{
    /// <summary>The one row's key.</summary>
    public const string IssuesName = "issues";

    internal const int QueryLength = 4000;

    internal const int ContinuationLength = 2000;

    internal const int SeenIssuesLength = 4000;

    public required string Name { get; set; }

    /// <summary>The start of the window being read (or the next one): issues updated at or after this instant, less the
    /// overlap. Always a value Jira itself wrote (an issue's <c>updated</c>), or, before the first read, when the first
    /// polled item was made.</summary>
    public DateTime UpdatedSince { get; set; }

    /// <summary>The JQL of the window being read, while <see cref="Continuation"/> is set: Jira's page token belongs to it.</summary>
    public string? Query { get; set; }

    /// <summary>Jira's <c>nextPageToken</c> in the window being read; null when the last window was read to its end.</summary>
    public string? Continuation { get; set; }

    /// <summary>The latest <c>updated</c> read so far; the next window starts there.</summary>
    public DateTime? LastUpdated { get; set; }

    /// <summary>The issues read within the overlap before <see cref="LastUpdated"/>, as <c>id@unix-ms</c> pairs joined by
    /// commas (as many as fit, newest first): the next window reads them again and passes over those whose
    /// <c>updated</c> has not moved since. One left out is merely synced once more (which changes nothing).</summary>
    public string? SeenIssues { get; set; }

    public DateTime UpdatedAt { get; set; }
}
