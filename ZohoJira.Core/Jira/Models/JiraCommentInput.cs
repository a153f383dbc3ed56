using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Models;

/// <summary>A comment to write: an ADF body, optionally restricted (<see cref="Visibility"/>), optionally internal in a
/// Jira Service Management project (<see cref="Internal"/>: agents see it, customers do not; written as the
/// <c>sd.public.comment</c> property), with entity properties of the caller's own (<see cref="Properties"/>).</summary>
public sealed record JiraCommentInput(JsonObject Body)
{
    /// <summary>The comment property Jira Service Management reads to keep a comment from customers.</summary>
    public const string ServiceDeskPublicProperty = "sd.public.comment";

    public JiraCommentVisibility? Visibility { get; init; }

    public bool Internal { get; init; }

    public IReadOnlyDictionary<string, JsonNode>? Properties { get; init; }
}
