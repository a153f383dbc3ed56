using System.Text.Json.Nodes;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>What to do with one Zoho comment on one link's Jira issue.</summary>
public enum ZohoCommentAction
{
    /// <summary>Already mirrored as it is, the connector's own, or gone: nothing to write.</summary>
    None = 0,

    Create = 1,

    Update = 2,

    /// <summary>Deliberately not mirrored; <see cref="ZohoCommentPlan.Reason"/> says why (recorded in the activity).</summary>
    Skip = 3,
}

/// <summary>The planner's answer: the action, the Jira comment body (ADF, with the author line), whether it is internal
/// (kept from customers), the hash of what is mirrored, and a reason for None or Skip.</summary>
public sealed record ZohoCommentPlan(ZohoCommentAction Action, string Reason, JsonObject? Body = null, bool Internal = false, string? Hash = null);
