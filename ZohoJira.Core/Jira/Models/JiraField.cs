namespace ZohoJira.Core.Jira.Models;

/// <summary>A system or custom field of the site (<c>summary</c>, <c>customfield_10050</c>, ...).</summary>
public sealed record JiraField(string Id, string Name, bool Custom, JiraFieldSchema? Schema, IReadOnlyList<string> ClauseNames);
