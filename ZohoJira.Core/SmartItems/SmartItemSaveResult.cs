namespace ZohoJira.Core.SmartItems;

/// <summary>The outcome of a create, update, pause or resume: on success the item's id and new version (to send with
/// the next save); on a conflict, a message for the admin and the version now stored.</summary>
public sealed record SmartItemSaveResult(
    SmartItemSaveStatus Status,
    Guid? Id,
    Guid? Version,
    IReadOnlyList<SmartItemValidationIssue> Issues,
    string? Message)
{
    public bool Succeeded => Status == SmartItemSaveStatus.Saved;

    internal static SmartItemSaveResult Saved(Guid id, Guid version) => new(SmartItemSaveStatus.Saved, id, version, [], null);

    internal static SmartItemSaveResult NotFound(Guid id) =>
        new(SmartItemSaveStatus.NotFound, id, null, [], "This Smart Connected Item no longer exists; it was deleted.");

    internal static SmartItemSaveResult Conflict(Guid id, Guid? current) =>
        new(SmartItemSaveStatus.Conflict, id, current, [],
            "Someone else saved this Smart Connected Item after you opened it. Nothing was changed: reload it to see their changes, then apply yours again.");

    internal static SmartItemSaveResult Invalid(Guid? id, IReadOnlyList<SmartItemValidationIssue> issues) =>
        new(SmartItemSaveStatus.Invalid, id, null, issues, string.Join(" ", issues.Select(i => i.Message)));
}
