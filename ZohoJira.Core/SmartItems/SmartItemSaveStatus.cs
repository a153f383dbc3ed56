namespace ZohoJira.Core.SmartItems;

/// <summary>What happened to a save.</summary>
public enum SmartItemSaveStatus
{
    Saved = 0,

    /// <summary>Someone else saved the item since it was loaded; nothing was written.</summary>
    Conflict = 1,

    /// <summary>The item no longer exists.</summary>
    NotFound = 2,

    /// <summary>The definition has validation issues; nothing was written.</summary>
    Invalid = 3,
}
