namespace ZohoJira.Core.Jira.Models;

/// <summary>An admin webhook registered on the site. The secret is write-only and never read back.</summary>
public sealed record JiraWebhook(string Id, string Name, string Url, IReadOnlyList<string> Events, string? JqlFilter, bool Enabled);
