namespace ZohoJira.Core.SmartItems;

/// <summary>A value for a field a Jira transition requires (e.g. <c>resolution</c> = <c>Done</c>).</summary>
public sealed record TransitionFieldDefault(string JiraFieldId, string Value);
