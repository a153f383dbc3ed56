namespace ZohoJira.Core.Jira.Models;

public sealed record JiraIssueType(string Id, string Name, string? Description, bool Subtask);
