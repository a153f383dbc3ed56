namespace ZohoJira.Core.Zoho.Models;

/// <summary>What to write for a comment: HTML content by default, private unless <see cref="IsPublic"/>.</summary>
public sealed record ZohoCommentInput(string Content, bool IsPublic = false, string ContentType = "html");
