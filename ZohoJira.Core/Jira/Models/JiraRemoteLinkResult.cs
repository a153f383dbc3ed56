namespace ZohoJira.Core.Jira.Models;

/// <summary>The outcome of a remote-link upsert: the link id and whether it was new (201) or updated (200).</summary>
public sealed record JiraRemoteLinkResult(long Id, bool Created);
