namespace ZohoJira.Core.SmartItems;

/// <summary>A stored item: its definition and what the store adds (id, version for the next save, legacy data).</summary>
public sealed record SmartItemRecord(
    Guid Id,
    Guid Version,
    SmartItemModel Definition,
    bool IsLegacy,
    string? LegacyJson,
    DateTime CreatedAt,
    DateTime UpdatedAt);
