namespace ZohoJira.Core.Common;

/// <summary>What kind of failure a call to Zoho Desk or Jira ended in; decides whether and when to retry.</summary>
public enum FailureCategory
{
    /// <summary>Credentials were rejected or revoked; an admin must reconnect.</summary>
    Authentication,

    /// <summary>The account lacks a permission, or (Jira) the item is hidden from it.</summary>
    Permission,

    /// <summary>The item does not exist (any more).</summary>
    NotFound,

    /// <summary>The request was refused as invalid; retrying the same request cannot help.</summary>
    Validation,

    /// <summary>The vendor throttled us (429 or exhausted credits); retry after <see cref="ExternalApiException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The vendor failed (5xx) or was unreachable; retry later.</summary>
    Transient,

    /// <summary>The call did not finish in time; retry later.</summary>
    Timeout,

    /// <summary>The request conflicted with the current state (409, stale edit).</summary>
    Conflict,

    /// <summary>Anything else; not retried automatically.</summary>
    Unknown,
}
