namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>A mapped field the plan does not write, and why (shown to admins in the activity).</summary>
public sealed record PlannedFieldSkip(string JiraFieldId, string ZohoField, string Reason);
