namespace ZohoJira.Core.SmartItems;

/// <summary>How a Smart Connected Item synchronizes.</summary>
public enum SyncMode
{
    DisplayOnly = 0,
    OneWay = 1,
    TwoWay = 2,
    Custom = 3,
}
