namespace ZohoJira.Core.Jira.Models;

/// <summary>A remote link as stored on an issue.</summary>
public sealed record JiraStoredRemoteLink(long Id, string? GlobalId, string? Url, string? Title, string? Relationship);
