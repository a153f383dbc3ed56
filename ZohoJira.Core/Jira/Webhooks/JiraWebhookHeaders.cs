namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>Headers Jira sends with admin webhook deliveries.</summary>
public static class JiraWebhookHeaders
{
    /// <summary>Unique per event within the site and the same on every retry: the deduplication key.</summary>
    public const string Identifier = "X-Atlassian-Webhook-Identifier";

    /// <summary>The retry count; absent on the first attempt.</summary>
    public const string Retry = "X-Atlassian-Webhook-Retry";

    public const string Flow = "X-Atlassian-Webhook-Flow";
}
