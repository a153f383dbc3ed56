namespace ZohoJira.Core.Jira.Models;

/// <summary>A field on a create or transition screen: whether it is required, what it holds and which values it allows.</summary>
public sealed record JiraFieldMeta(
    string FieldId,
    string Name,
    bool Required,
    bool HasDefaultValue,
    JiraFieldSchema? Schema,
    IReadOnlyList<string> Operations,
    IReadOnlyList<JiraAllowedValue> AllowedValues);
