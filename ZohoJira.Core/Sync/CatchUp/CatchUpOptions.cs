namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>The scheduled catch-up, in the <c>Sync</c> section.</summary>
public sealed class CatchUpOptions
{
    /// <summary>How often the cycle runs (every synchronized item, one Zoho query per module; one Jira query for the
    /// projects of two-way and custom items).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pages read per module (and for Jira) per cycle; a longer backlog goes on in the next cycle from the stored
    /// continuation.</summary>
    public int CatchUpMaxPages { get; set; } = 100;

    /// <summary>Issues per page of the Jira catch-up's search (Jira answers at most 100 with fields).</summary>
    public int JiraCatchUpPageSize { get; set; } = 100;

    /// <summary>How far before the latest <c>updated</c> already read each Jira window starts again. JQL dates have whole
    /// minutes (so the window start is rounded down to the minute anyway); the overlap adds room for Jira's search index,
    /// which can show a change some time after it was made. Issues read again whose <c>updated</c> has not moved are
    /// passed over, so the overlap costs result rows, not syncs.</summary>
    public TimeSpan JiraCatchUpOverlap { get; set; } = TimeSpan.FromMinutes(5);
}
