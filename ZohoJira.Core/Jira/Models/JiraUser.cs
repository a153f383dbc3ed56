namespace ZohoJira.Core.Jira.Models;

/// <summary>A Jira account. <see cref="EmailAddress"/> may be hidden by the user's privacy settings.</summary>
public sealed record JiraUser(string AccountId, string? DisplayName, string? EmailAddress, string? AccountType, bool Active);
