namespace ZohoJira.Core.SmartItems;

/// <summary>What importing one item will do.</summary>
public enum SmartItemImportAction
{
    Create = 0,

    /// <summary>An item with the same id (or, failing that, the same name) exists and will be replaced.</summary>
    Update = 1,

    /// <summary>The item cannot be read or does not validate; it will be skipped.</summary>
    Skip = 2,
}
