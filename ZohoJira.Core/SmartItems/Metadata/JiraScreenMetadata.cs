namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>What Jira offers for one project + issue type: the create screen's fields (auto-create), the edit screen's
/// fields (updates), and the statuses of its workflow.</summary>
public sealed record JiraScreenMetadata
{
    public required string ProjectKey { get; init; }

    public required string IssueTypeId { get; init; }

    public IReadOnlyList<JiraFieldMetadata> CreateFields { get; init; } = [];

    public IReadOnlyList<JiraFieldMetadata> EditFields { get; init; } = [];

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public JiraFieldMetadata? FindCreateField(string id) =>
        CreateFields.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    public JiraFieldMetadata? FindEditField(string id) =>
        EditFields.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The field from either screen (edit first).</summary>
    public JiraFieldMetadata? FindField(string id) => FindEditField(id) ?? FindCreateField(id);
}
