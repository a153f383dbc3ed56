namespace ZohoJira.Core.SmartItems;

/// <summary>Which Zoho records the item auto-creates and syncs. No rules: every record of the module.</summary>
public sealed record SyncRuleSet
{
    public RuleMatch Match { get; init; }

    public IReadOnlyList<SyncRule> Rules { get; init; } = [];
}
