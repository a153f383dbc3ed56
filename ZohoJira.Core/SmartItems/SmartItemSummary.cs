namespace ZohoJira.Core.SmartItems;

/// <summary>One row of the admin grid. <see cref="LastSyncAt"/> and <see cref="LastError"/> are null until the engine
/// has run the item.</summary>
public sealed record SmartItemSummary
{
    public Guid Id { get; init; }

    public Guid Version { get; init; }

    public required string Name { get; init; }

    public SyncMode Mode { get; init; }

    public required string JiraProjectKey { get; init; }

    public string? JiraProjectName { get; init; }

    public string? JiraIssueTypeId { get; init; }

    public string? JiraIssueTypeName { get; init; }

    public required string ZohoModule { get; init; }

    public string? ZohoModuleName { get; init; }

    /// <summary>e.g. "Subject → Summary, Priority ↔ Priority, +2 more", or the shown fields of a display-only item.</summary>
    public required string MappingSummary { get; init; }

    public bool AutoCreate { get; init; }

    public DateTime? AutoCreateBaseline { get; init; }

    public bool SyncStatus { get; init; }

    public bool SyncComments { get; init; }

    public bool SyncAttachments { get; init; }

    public bool IsPaused { get; init; }

    public bool IsLegacy { get; init; }

    public int LinkCount { get; init; }

    public DateTime? LastSyncAt { get; init; }

    public string? LastError { get; init; }

    public DateTime? LastErrorAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
