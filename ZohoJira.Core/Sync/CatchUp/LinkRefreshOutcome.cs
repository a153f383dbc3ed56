namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>How a refresh of one link ended.</summary>
public enum LinkRefreshOutcome
{
    /// <summary>The link's Zoho → Jira work finished.</summary>
    Synced = 0,

    /// <summary>The work failed for good (parked); the message says why.</summary>
    Failed = 1,

    /// <summary>The work had not finished within the wait (it goes on; a retry may be scheduled).</summary>
    StillWaiting = 2,

    NotFound = 3,

    /// <summary>The link no longer syncs (its Zoho record or Jira issue was deleted).</summary>
    Stopped = 4,
}
