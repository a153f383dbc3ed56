namespace ZohoJira.Core.Jira.Models;

public sealed record JiraCreatedIssue(string Id, string Key);
