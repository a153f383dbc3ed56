namespace ZohoJira.Core.SmartItems;

/// <summary>A Smart Connected Item: which Jira issues pair with which Zoho records, and how they sync. The mapping and
/// options live in <see cref="DefinitionJson"/> (a versioned, normalized model); the columns are what queries need.</summary>
public sealed class SmartItemDefinition
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public SyncMode Mode { get; set; }

    public required string JiraProjectKey { get; set; }

    /// <summary>Required for synchronized modes; may be null for display-only and legacy items.</summary>
    public string? JiraIssueType { get; set; }

    /// <summary>Zoho module API name, e.g. tickets, contacts.</summary>
    public required string ZohoModule { get; set; }

    /// <summary>The normalized definition (field mappings, options, rules).</summary>
    public required string DefinitionJson { get; set; }

    public int FormatVersion { get; set; }

    public bool IsPaused { get; set; }

    /// <summary>Imported from an older format; the original is kept in <see cref="LegacyJson"/>.</summary>
    public bool IsLegacy { get; set; }

    public string? LegacyJson { get; set; }

    /// <summary>When auto-create was (re)enabled; only Zoho records created after it become Jira issues.</summary>
    public DateTime? AutoCreateBaseline { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? LastErrorAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public Guid Version { get; set; }
}
