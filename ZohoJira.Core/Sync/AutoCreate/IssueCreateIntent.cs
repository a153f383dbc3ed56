namespace ZohoJira.Core.Sync.AutoCreate;

/// <summary>Recorded before the connector asks Jira to create an issue for a Zoho record, and completed in the transaction
/// that stores the link. An intent without a link means a create may have happened without its link being saved (the
/// process died in between): the next attempt first looks for an issue carrying <see cref="Marker"/> and adopts it.</summary>
public sealed class IssueCreateIntent
{
    public long Id { get; set; }

    public Guid SmartItemId { get; set; }

    public required string ZohoModule { get; set; }

    public required string ZohoRecordId { get; set; }

    /// <summary>The label written with the create (<c>zoho-&lt;org&gt;-&lt;module&gt;-&lt;id&gt;</c>), searchable by JQL.</summary>
    public required string Marker { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? JiraIssueId { get; set; }

    public string? JiraIssueKey { get; set; }

    public DateTime? CompletedAt { get; set; }
}
