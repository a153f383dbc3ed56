namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>The kind of a <see cref="StatusDecision"/>.</summary>
public enum StatusDecisionKind
{
    /// <summary>Jira's status already matches the Zoho status closely enough.</summary>
    Aligned = 0,

    Transition = 1,

    /// <summary>No transition leads to a fitting status (or one that does needs a value nobody configured).</summary>
    NoPath = 2,
}
