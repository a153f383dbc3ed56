namespace ZohoJira.Core.Jira.Models;

/// <summary>An enhanced JQL search. The JQL must be bounded (e.g. by project); <see cref="Fields"/> lists what to return
/// (Jira returns only ids otherwise).</summary>
public sealed record JiraSearchRequest(string Jql, IReadOnlyList<string>? Fields = null, int MaxResults = 50, bool RenderedFields = false);
