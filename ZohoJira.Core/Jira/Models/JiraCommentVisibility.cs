namespace ZohoJira.Core.Jira.Models;

/// <summary>Jira's comment restriction: only members of a project role (<c>role</c>) or a group (<c>group</c>) see it.</summary>
public sealed record JiraCommentVisibility(string Type, string Value);
