namespace ZohoJira.Core.SmartItems;

/// <summary>The normalized definition of a Smart Connected Item: what the engine, the issue panel, the wizard and
/// export/import read and write. Ids of Jira and Zoho objects are authoritative; the names beside them are for people.</summary>
public sealed record SmartItemModel
{
    public required string Name { get; init; }

    public SyncMode Mode { get; init; }

    public required string JiraProjectKey { get; init; }

    public string? JiraProjectName { get; init; }

    /// <summary>Required for synchronized modes; null for display-only and legacy items.</summary>
    public string? JiraIssueTypeId { get; init; }

    public string? JiraIssueTypeName { get; init; }

    /// <summary>The Zoho module's API name (tickets, contacts, ...).</summary>
    public required string ZohoModule { get; init; }

    public string? ZohoModuleName { get; init; }

    /// <summary>Display only: the Zoho fields the issue panel shows, in order.</summary>
    public IReadOnlyList<string> DisplayFields { get; init; } = [];

    /// <summary>Synchronized modes: the mapped fields.</summary>
    public IReadOnlyList<FieldMapping> Mappings { get; init; } = [];

    public StatusSyncSettings Status { get; init; } = new();

    public SyncOptions Options { get; init; } = new();

    public SyncRuleSet Rules { get; init; } = new();

    public bool Paused { get; init; }

    public bool IsSynchronized => Mode != SyncMode.DisplayOnly;
}
