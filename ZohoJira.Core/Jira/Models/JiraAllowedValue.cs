namespace ZohoJira.Core.Jira.Models;

/// <summary>One allowed value of a field (an option, a priority, a resolution, ...). Options carry <c>Value</c>, most
/// other kinds carry <c>Name</c>.</summary>
public sealed record JiraAllowedValue(string? Id, string? Name, string? Value)
{
    /// <summary>What a person would read: the name or the option value.</summary>
    public string Label => Name ?? Value ?? Id ?? string.Empty;
}
