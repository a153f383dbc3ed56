using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireFieldSchema
{
    public string? Type { get; set; }

    public string? Items { get; set; }

    public string? System { get; set; }

    public string? Custom { get; set; }
}

internal sealed class WireField
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }

    public bool? Custom { get; set; }

    public List<string>? ClauseNames { get; set; }

    public WireFieldSchema? Schema { get; set; }
}

/// <summary>FieldCreateMetadata (create screens) and FieldMetadata (transition screens; no fieldId there).</summary>
internal sealed class WireFieldMeta
{
    public string? FieldId { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }

    public bool? Required { get; set; }

    public bool? HasDefaultValue { get; set; }

    public WireFieldSchema? Schema { get; set; }

    public List<string>? Operations { get; set; }

    public JsonArray? AllowedValues { get; set; }
}

internal sealed class WireIssueType
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? Subtask { get; set; }
}

internal sealed class WireCreateMetaIssueTypes
{
    public List<WireIssueType>? IssueTypes { get; set; }

    public long? StartAt { get; set; }

    public int? MaxResults { get; set; }

    public long? Total { get; set; }
}

internal sealed class WireCreateMetaFields
{
    public List<WireFieldMeta>? Fields { get; set; }

    public long? StartAt { get; set; }

    public int? MaxResults { get; set; }

    public long? Total { get; set; }
}
