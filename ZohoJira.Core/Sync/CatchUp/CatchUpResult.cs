namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>What one module's catch-up did: Zoho calls spent, changed records read, work enqueued, and the error when it
/// failed (the cursor then stays where the last committed page left it).</summary>
public sealed record CatchUpResult(string ZohoModule, int ZohoCalls, int RecordsRead, int WorkEnqueued, string? Error)
{
    public bool Succeeded => Error is null;
}
