namespace ZohoJira.Core.Jira.Models;

/// <summary>A Jira account. <see cref="EmailAddress"/> may be hidden by the user's privacy settings. <see cref="TimeZone"/>
/// is the profile's time zone (an IANA id such as Europe/Berlin), in which Jira reads the dates written in this account's
/// JQL; null when Jira did not say.</summary>
public sealed record JiraUser(string AccountId, string? DisplayName, string? EmailAddress, string? AccountType, bool Active, string? TimeZone = null);
