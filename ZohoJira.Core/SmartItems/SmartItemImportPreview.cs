namespace ZohoJira.Core.SmartItems;

/// <summary>What an import will create, update and skip; nothing is written until it is applied.</summary>
public sealed record SmartItemImportPreview(int SchemaVersion, IReadOnlyList<SmartItemImportEntry> Entries)
{
    public bool IsLegacyFormat => SchemaVersion == SmartItemSchema.LegacyVersion;

    public int ToCreate => Entries.Count(e => e.Action == SmartItemImportAction.Create);

    public int ToUpdate => Entries.Count(e => e.Action == SmartItemImportAction.Update);

    public int ToSkip => Entries.Count(e => e.Action == SmartItemImportAction.Skip);
}
