namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>The scheduled catch-up, in the <c>Sync</c> section.</summary>
public sealed class CatchUpOptions
{
    /// <summary>How often the cycle runs (every synchronized item, one Zoho query per module).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pages read per module per cycle; a longer backlog goes on in the next cycle from the stored continuation.</summary>
    public int CatchUpMaxPages { get; set; } = 100;
}
