namespace ZohoJira.Core.Jira.Models;

public sealed record JiraAttachment(string Id, string FileName, long Size, string? MimeType, DateTimeOffset? Created, JiraUser? Author);
