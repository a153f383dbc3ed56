namespace ZohoJira.Core.Jira.Models;

/// <summary>What values a field holds: <c>Type</c> (string, number, array, option, user, ...), the item type of arrays,
/// and the system or custom field type it comes from.</summary>
public sealed record JiraFieldSchema(string Type, string? Items, string? System, string? Custom);
