namespace ZohoJira.Core.Jira.Models;

/// <summary>Values of Jira's <c>RateLimit-Reason</c> header (surfaced as <c>ExternalApiException.VendorErrorCode</c>).</summary>
public static class JiraRateLimitReasons
{
    public const string Burst = "jira-burst-based";

    public const string PerIssueWrite = "jira-per-issue-on-write";

    public const string GlobalQuota = "jira-quota-global-based";

    public const string TenantQuota = "jira-quota-tenant-based";
}
