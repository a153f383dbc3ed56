namespace ZohoJira.Core.Jira.Models;

/// <summary>A transition available from the current status, with the fields its screen shows (required ones must
/// be sent when performing it).</summary>
public sealed record JiraTransition(string Id, string Name, JiraStatus To, bool HasScreen, IReadOnlyList<JiraFieldMeta> Fields);
