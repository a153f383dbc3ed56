using System.Text.Json.Nodes;

namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoWebhookDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }

    public bool IsEnabled { get; set; }

    public string? Description { get; set; }

    public JsonObject? Subscriptions { get; set; }
}
