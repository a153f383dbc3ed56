namespace ZohoJira.Web.Jobs;

/// <summary>The <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    public bool Enabled { get; set; } = true;

    /// <summary>Scheduler name; every node of one cluster must use the same name.</summary>
    public string Name { get; set; } = "ZohoJira";
}
