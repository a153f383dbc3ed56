namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>One changelog item of an issue update: raw values (ids) and their display texts.</summary>
public sealed record JiraChangedField(string Field, string? FieldId, string? From, string? FromText, string? To, string? ToText);
