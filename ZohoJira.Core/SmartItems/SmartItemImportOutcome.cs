namespace ZohoJira.Core.SmartItems;

/// <summary>What applying one entry of an import did.</summary>
public sealed record SmartItemImportOutcome(string Name, SmartItemImportAction Action, SmartItemSaveResult? Result)
{
    public bool Succeeded => Action != SmartItemImportAction.Skip && Result is { Succeeded: true };
}
