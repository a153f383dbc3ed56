namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>A field of a Zoho module, by API name.</summary>
public sealed record ZohoFieldMetadata
{
    public required string ApiName { get; init; }

    public required string Label { get; init; }

    public FieldKind Kind { get; init; }

    /// <summary>For picklists: the allowed values; empty when the field is free.</summary>
    public IReadOnlyList<string> PicklistValues { get; init; } = [];
}
