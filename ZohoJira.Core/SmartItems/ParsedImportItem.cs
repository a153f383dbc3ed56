namespace ZohoJira.Core.SmartItems;

/// <summary>One item read from an import file, in the current model. Items migrated from the legacy format keep their
/// original JSON; <see cref="Notes"/> say what the migration changed; <see cref="Error"/> says why an item could not be
/// read (the others still can).</summary>
public sealed record ParsedImportItem
{
    public Guid? Id { get; init; }

    public SmartItemModel? Definition { get; init; }

    public bool IsLegacy { get; init; }

    public string? LegacyJson { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>A name for the preview even when the item could not be read.</summary>
    public string DisplayName { get; init; } = string.Empty;
}
