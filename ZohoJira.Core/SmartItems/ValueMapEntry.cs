namespace ZohoJira.Core.SmartItems;

/// <summary>One pair of a value map: this Zoho value is that Jira value (status, priority, picklists, select lists,
/// users by e-mail). Values are the vendors' own strings (a Jira option's name or id, a Zoho picklist value).</summary>
public sealed record ValueMapEntry(string ZohoValue, string JiraValue);
