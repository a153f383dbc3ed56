namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>A Jira field on a screen of a project + issue type.</summary>
public sealed record JiraFieldMetadata
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public FieldKind Kind { get; init; }

    public bool Required { get; init; }

    /// <summary>Jira fills the field itself when it is left out (e.g. priority, reporter).</summary>
    public bool HasDefaultValue { get; init; }

    /// <summary>For list fields: the values Jira accepts; empty when the field is free.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];
}
