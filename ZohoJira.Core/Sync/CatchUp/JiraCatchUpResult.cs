namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>What one Jira catch-up cycle did: the projects it searched (none when no running item sends Jira changes
/// back), the Jira calls spent, the changed issues read, the work enqueued, and the error when it failed (the cursor then
/// stays where the last committed page left it).</summary>
public sealed record JiraCatchUpResult(IReadOnlyList<string> Projects, int JiraCalls, int IssuesRead, int WorkEnqueued, string? Error)
{
    public bool Succeeded => Error is null;
}
