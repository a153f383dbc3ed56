namespace ZohoJira.Core.Sync.AutoCreate;

/// <summary>Auto-create settings in the <c>Sync</c> section.</summary>
public sealed class AutoCreateOptions
{
    /// <summary>How many times a recovering worker searches for an issue carrying the marker before concluding there is
    /// none (Jira's search can miss an issue for a short while after it was created).</summary>
    public int CreateLookupAttempts { get; set; } = 4;

    public TimeSpan CreateLookupDelay { get; set; } = TimeSpan.FromSeconds(1);
}
