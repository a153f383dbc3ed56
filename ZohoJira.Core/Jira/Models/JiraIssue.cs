using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Models;

/// <summary>An issue as Jira returned it. <see cref="Fields"/> holds every returned field by id (rich text as ADF);
/// <see cref="RenderedFields"/> holds Jira's HTML rendering when it was asked for.</summary>
public sealed record JiraIssue(
    string Id,
    string Key,
    string? ProjectId,
    string? ProjectKey,
    string? IssueTypeId,
    string? IssueTypeName,
    string? Summary,
    JiraStatus? Status,
    DateTimeOffset? Created,
    DateTimeOffset? Updated,
    IReadOnlyList<JiraAttachment> Attachments,
    JsonObject Fields,
    JsonObject? RenderedFields)
{
    /// <summary>The description as an ADF document, when the issue has one.</summary>
    public JsonObject? Description => Fields["description"] as JsonObject;
}
