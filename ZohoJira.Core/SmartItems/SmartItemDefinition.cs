namespace ZohoJira.Core.SmartItems;

/// <summary>A Smart Connected Item as stored: which Jira issues pair with which Zoho records, and how they sync. The
/// columns are what queries need (scope, toggles, state); the nested parts (mappings, value maps, status sync, rules)
/// live in <see cref="DefinitionJson"/>. Code reads and writes it through <see cref="SmartItemModel"/>
/// (<see cref="SmartItemService"/>), never by parsing the document itself.</summary>
public sealed class SmartItemDefinition
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public SyncMode Mode { get; set; }

    public required string JiraProjectKey { get; set; }

    /// <summary>The Jira issue type id. Required for synchronized modes; null for display-only and legacy items.</summary>
    public string? JiraIssueType { get; set; }

    /// <summary>Zoho module API name, e.g. tickets, contacts.</summary>
    public required string ZohoModule { get; set; }

    /// <summary>The nested parts of the definition as one JSON document (see <see cref="SmartItemDocument"/>).</summary>
    public required string DefinitionJson { get; set; }

    /// <summary>The schema version of <see cref="DefinitionJson"/> (<see cref="SmartItemSchema.CurrentVersion"/> when written).</summary>
    public int SchemaVersion { get; set; }

    public bool IsPaused { get; set; }

    /// <summary>Auto-create is on: new Zoho records after <see cref="AutoCreateBaseline"/> become Jira issues.</summary>
    public bool AutoCreate { get; set; }

    public bool SyncStatus { get; set; }

    public bool SyncComments { get; set; }

    public bool SyncAttachments { get; set; }

    /// <summary>Imported from an older format; the original is kept in <see cref="LegacyJson"/>.</summary>
    public bool IsLegacy { get; set; }

    public string? LegacyJson { get; set; }

    /// <summary>When auto-create was (re)enabled, in Zoho's clock; only Zoho records created after it become Jira issues.</summary>
    public DateTime? AutoCreateBaseline { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? LastErrorAt { get; set; }

    /// <summary>Optimistic concurrency token: every write sets a new one.</summary>
    public Guid Version { get; set; }
}
