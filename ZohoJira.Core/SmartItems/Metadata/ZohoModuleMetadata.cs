namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>A Zoho module as the organization has it: its fields and whether the connector can poll it for new records
/// (what auto-create needs).</summary>
public sealed record ZohoModuleMetadata
{
    public required string ApiName { get; init; }

    public required string Name { get; init; }

    public bool SupportsPolling { get; init; }

    /// <summary>The module's status field, when it has one.</summary>
    public string? StatusField { get; init; }

    public IReadOnlyList<ZohoFieldMetadata> Fields { get; init; } = [];

    public ZohoFieldMetadata? FindField(string apiName) =>
        Fields.FirstOrDefault(f => string.Equals(f.ApiName, apiName, StringComparison.OrdinalIgnoreCase));
}
