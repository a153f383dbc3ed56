namespace ZohoJira.Core.Jira.Models;

/// <summary>A remote link as stored on an issue (<paramref name="StatusLink"/>: where its status icon leads, if anywhere).</summary>
public sealed record JiraStoredRemoteLink(long Id, string? GlobalId, string? Url, string? Title, string? Relationship, string? StatusLink = null);
