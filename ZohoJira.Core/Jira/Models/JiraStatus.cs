namespace ZohoJira.Core.Jira.Models;

/// <summary>A workflow status and its category (<c>new</c>, <c>indeterminate</c>, <c>done</c>).</summary>
public sealed record JiraStatus(string Id, string Name, string? CategoryKey, string? CategoryName);
