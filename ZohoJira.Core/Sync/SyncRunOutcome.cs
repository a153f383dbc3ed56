namespace ZohoJira.Core.Sync;

public enum SyncRunOutcome
{
    Running = 0,
    Succeeded = 1,
    PartiallyFailed = 2,
    Failed = 3,
    Skipped = 4,
}
