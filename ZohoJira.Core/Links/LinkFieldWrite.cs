namespace ZohoJira.Core.Links;

/// <summary>The value the connector last wrote to one field of one side of a link (compact JSON as sent), so a change
/// that comes back carrying that same value is recognised as the connector's own echo.</summary>
public sealed class LinkFieldWrite
{
    public const string JiraSide = "jira";

    public const string ZohoSide = "zoho";

    public Guid LinkId { get; set; }

    /// <summary><see cref="JiraSide"/> or <see cref="ZohoSide"/>: the side that was written.</summary>
    public required string Side { get; set; }

    /// <summary>The written field: a Jira field id or a Zoho field API name (<c>status</c> for a transition).</summary>
    public required string FieldId { get; set; }

    public string? Value { get; set; }

    public DateTime WrittenAt { get; set; }

    /// <summary>The work item that wrote it.</summary>
    public long? WorkItemId { get; set; }
}
