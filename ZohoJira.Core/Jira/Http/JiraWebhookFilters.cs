namespace ZohoJira.Core.Jira.Http;

/// <summary>Filter names of the admin webhook resource.</summary>
internal static class JiraWebhookFilters
{
    public const string IssueRelatedEvents = "issue-related-events-section";
}
