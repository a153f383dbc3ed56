using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Models;

/// <summary>An issue comment: its body as an ADF document and, when asked for, Jira's HTML rendering of it.</summary>
public sealed record JiraComment(
    string Id,
    JiraUser? Author,
    JiraUser? UpdateAuthor,
    JsonObject? Body,
    string? RenderedBody,
    DateTimeOffset? Created,
    DateTimeOffset? Updated)
{
    public JiraCommentVisibility? Visibility { get; init; }

    /// <summary>Jira Service Management's <c>jsdPublic</c>: false for an internal comment; null where Jira did not say.</summary>
    public bool? IsPublic { get; init; }

    /// <summary>The comment's entity properties (read with <c>expand=properties</c>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = new Dictionary<string, JsonNode?>();
}
