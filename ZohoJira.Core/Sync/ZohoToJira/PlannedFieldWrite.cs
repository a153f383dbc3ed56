using System.Text.Json.Nodes;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>One Jira field the plan sets: the value as it goes into the edit request (null clears the field).</summary>
public sealed record PlannedFieldWrite(string JiraFieldId, string ZohoField, JsonNode? Value)
{
    /// <summary>The value as compact JSON (<c>null</c> when cleared): what is stored as last written, to recognise echoes.</summary>
    public string Fingerprint => Value?.ToJsonString() ?? "null";
}
