namespace ZohoJira.Core.Jira.Models;

public sealed record JiraProject(string Id, string Key, string Name, string? ProjectTypeKey);
