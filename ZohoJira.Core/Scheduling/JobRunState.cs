namespace ZohoJira.Core.Scheduling;

/// <summary>The last run of a scheduled job, kept in the database so every node and every restart sees it.</summary>
public sealed class JobRunState
{
    /// <summary>The job's name, e.g. prune-activity.</summary>
    public required string JobName { get; set; }

    public DateTime? LastStartedAt { get; set; }

    public DateTime? LastFinishedAt { get; set; }

    public bool? LastSucceeded { get; set; }

    public string? LastMessage { get; set; }

    public string? LastNode { get; set; }

    public int RunCount { get; set; }
}
