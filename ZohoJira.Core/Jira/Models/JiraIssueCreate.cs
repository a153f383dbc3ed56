using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Models;

/// <summary>What to create: project, issue type and the field values by field id (rich text as ADF documents). Send only
/// fields that are on the create screen. <see cref="Properties"/> are issue properties set atomically with the issue.</summary>
public sealed record JiraIssueCreate(
    string ProjectIdOrKey,
    string IssueTypeId,
    JsonObject Fields,
    IReadOnlyDictionary<string, JsonNode>? Properties = null);
