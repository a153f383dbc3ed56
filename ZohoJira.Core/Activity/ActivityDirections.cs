namespace ZohoJira.Core.Activity;

/// <summary>The values of <see cref="ActivityEntry.Direction"/>: which way a change went, or the connector itself.</summary>
public static class ActivityDirections
{
    public const string ZohoToJira = "ZohoToJira";

    public const string JiraToZoho = "JiraToZoho";

    /// <summary>Something the connector or a person did that goes neither way (a link made, work skipped).</summary>
    public const string System = "System";
}
