using System.Text.Json.Nodes;

namespace ZohoJira.Core.Zoho.Models;

/// <summary>A webhook subscription in Zoho Desk. <see cref="Subscriptions"/> maps event types (Ticket_Update...) to their
/// filter object, or null when the event is not filtered.</summary>
public sealed record ZohoWebhook(
    string Id,
    string? Name,
    Uri Url,
    bool IsEnabled,
    string? Description,
    IReadOnlyDictionary<string, JsonObject?> Subscriptions);
