namespace ZohoJira.Core.Activity;

public enum ActivityOutcome
{
    Applied = 0,
    Skipped = 1,
    Conflict = 2,
    Failed = 3,
    Info = 4,
}
