namespace ZohoJira.Web.Endpoints;

public static class ZohoWebhookEndpoints
{
    /// <summary>Receives Zoho Desk webhooks: verify, store, acknowledge.</summary>
    public static IEndpointRouteBuilder MapZohoWebhooks(this IEndpointRouteBuilder endpoints) => endpoints;
}
