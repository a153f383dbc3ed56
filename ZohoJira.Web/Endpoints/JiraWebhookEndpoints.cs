namespace ZohoJira.Web.Endpoints;

public static class JiraWebhookEndpoints
{
    /// <summary>Receives Jira admin webhooks: verify, store, acknowledge.</summary>
    public static IEndpointRouteBuilder MapJiraWebhooks(this IEndpointRouteBuilder endpoints) => endpoints;
}
