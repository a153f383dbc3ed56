namespace ZohoJira.Core.Jira.Models;

/// <summary>The statuses an issue type can be in within one project's workflow, each with its category
/// (<c>new</c> = To Do, <c>indeterminate</c> = In Progress, <c>done</c> = Done).</summary>
public sealed record JiraIssueTypeStatuses(string IssueTypeId, string IssueTypeName, bool Subtask, IReadOnlyList<JiraStatus> Statuses);
