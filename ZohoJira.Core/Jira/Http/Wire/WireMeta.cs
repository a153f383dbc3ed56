namespace ZohoJira.Core.Jira.Http.Wire;

/// <summary>IssueUpdateMetadata: the edit screen's fields keyed by field id.</summary>
internal sealed class WireEditMeta
{
    public Dictionary<string, WireFieldMeta>? Fields { get; set; }
}

/// <summary>IssueTypeWithStatus: one element of a project's statuses grouped by issue type.</summary>
internal sealed class WireIssueTypeWithStatus
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? Subtask { get; set; }

    public List<WireStatus>? Statuses { get; set; }
}
