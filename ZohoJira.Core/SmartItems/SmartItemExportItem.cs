namespace ZohoJira.Core.SmartItems;

/// <summary>One exported item: its id (so importing into the same installation updates it) and its definition.</summary>
public sealed record SmartItemExportItem(Guid? Id, SmartItemModel Definition);
