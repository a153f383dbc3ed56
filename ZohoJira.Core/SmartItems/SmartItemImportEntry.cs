namespace ZohoJira.Core.SmartItems;

/// <summary>One line of an import preview.</summary>
public sealed record SmartItemImportEntry
{
    public required string Name { get; init; }

    public SmartItemImportAction Action { get; init; }

    public SmartItemModel? Definition { get; init; }

    /// <summary>For an update: the item replaced and the version seen at preview time (a later change is a conflict).</summary>
    public Guid? ExistingId { get; init; }

    public Guid? ExistingVersion { get; init; }

    public bool IsLegacy { get; init; }

    public string? LegacyJson { get; init; }

    public IReadOnlyList<SmartItemValidationIssue> Issues { get; init; } = [];

    /// <summary>What a migration changed, and why an item is skipped when it cannot be read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
