namespace ZohoJira.Core.Sync;

public enum InboundEventStatus
{
    Pending = 0,
    Processed = 1,
    Ignored = 2,
    Failed = 3,
    Parked = 4,
}
