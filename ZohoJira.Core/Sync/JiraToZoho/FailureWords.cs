using ZohoJira.Core.Common;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Says what a failed vendor call means for an admin, in front of the vendor's own message.</summary>
public static class FailureWords
{
    public static string Describe(ExternalSystem system, FailureCategory category, string vendorMessage)
    {
        var vendor = system == ExternalSystem.Jira ? "Jira" : "Zoho Desk";
        var lead = category switch
        {
            FailureCategory.Validation => $"{vendor} refused the change as invalid; it will not be retried until an admin retries it.",
            FailureCategory.Permission => $"The connector's account may not make this change in {vendor}; give it the permission, then retry.",
            FailureCategory.NotFound => $"{vendor} no longer has what the change was for; it will not be retried.",
            FailureCategory.RateLimited => $"{vendor} asked the connector to slow down; the change waits for the time it gave.",
            FailureCategory.Transient => $"{vendor} failed or could not be reached; the change is retried with growing pauses.",
            FailureCategory.Timeout => $"{vendor} did not answer in time; the change is retried with growing pauses.",
            FailureCategory.Authentication => null,
            _ => $"{vendor} answered in a way the connector did not expect; an admin can retry the change.",
        };

        // Authentication messages already say what to do (and keep their prefix, which a reconnect looks for).
        return lead is null ? vendorMessage : $"{lead} {vendor} said: {vendorMessage}";
    }
}
