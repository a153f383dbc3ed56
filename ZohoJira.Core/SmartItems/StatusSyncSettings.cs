namespace ZohoJira.Core.SmartItems;

/// <summary>How status is synchronized: which Zoho field holds the status, explicit Zoho ↔ Jira status pairs (the
/// engine falls back to names and categories for the rest), and values for fields that transitions require.</summary>
public sealed record StatusSyncSettings
{
    public string ZohoStatusField { get; init; } = SmartItemSchema.DefaultZohoStatusField;

    /// <summary>Zoho status value ↔ Jira status name.</summary>
    public IReadOnlyList<ValueMapEntry> ValueMap { get; init; } = [];

    public IReadOnlyList<TransitionFieldDefault> TransitionDefaults { get; init; } = [];
}
