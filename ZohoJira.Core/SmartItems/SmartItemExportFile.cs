namespace ZohoJira.Core.SmartItems;

/// <summary>An export file: one or all items, in the current schema version. Never holds secrets: a definition has none.</summary>
public sealed record SmartItemExportFile
{
    public int SchemaVersion { get; init; } = SmartItemSchema.CurrentVersion;

    public DateTimeOffset? ExportedAt { get; init; }

    public IReadOnlyList<SmartItemExportItem> Items { get; init; } = [];
}
