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
    DateTimeOffset? Updated);
