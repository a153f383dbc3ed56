namespace ZohoJira.Core.Zoho.Models;

/// <summary>A file attached to a record, or to one of a ticket's threads (<see cref="ThreadId"/> set).</summary>
public sealed record ZohoAttachment(
    string Id,
    string Name,
    long Size,
    bool IsPublic,
    DateTimeOffset? CreatedTime,
    Uri? Href,
    string? ThreadId = null);
