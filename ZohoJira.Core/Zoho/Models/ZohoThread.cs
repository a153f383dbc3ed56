namespace ZohoJira.Core.Zoho.Models;

/// <summary>A ticket thread (an email, reply or social message) in summary form.</summary>
public sealed record ZohoThread(
    string Id,
    string? Channel,
    string? Direction,
    string? Summary,
    DateTimeOffset? CreatedTime,
    int AttachmentCount);
