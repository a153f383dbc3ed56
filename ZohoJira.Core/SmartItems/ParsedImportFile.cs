namespace ZohoJira.Core.SmartItems;

/// <summary>An import file read and, when it was written in an older format, migrated.</summary>
public sealed record ParsedImportFile(int SchemaVersion, IReadOnlyList<ParsedImportItem> Items)
{
    public bool IsLegacyFormat => SchemaVersion == SmartItemSchema.LegacyVersion;
}
