namespace ZohoJira.Core.Zoho.Models;

/// <summary>A ticket comment. <see cref="Content"/> is HTML when <see cref="ContentType"/> is <c>html</c>.</summary>
public sealed record ZohoComment(
    string Id,
    string Content,
    string ContentType,
    bool IsPublic,
    string? CommenterId,
    string? CommenterName,
    string? CommenterType,
    DateTimeOffset? CommentedTime,
    DateTimeOffset? ModifiedTime);
