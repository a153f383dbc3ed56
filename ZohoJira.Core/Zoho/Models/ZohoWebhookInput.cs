using System.Text.Json.Nodes;

namespace ZohoJira.Core.Zoho.Models;

/// <summary>What to create or change on a webhook subscription; null members are left out of an update.</summary>
public sealed record ZohoWebhookInput(
    Uri? Url = null,
    string? Name = null,
    bool? IsEnabled = null,
    string? Description = null,
    IReadOnlyDictionary<string, JsonObject?>? Subscriptions = null);
