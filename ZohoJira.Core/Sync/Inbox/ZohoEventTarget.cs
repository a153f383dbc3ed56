using System.Text.Json.Nodes;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Inbox;

/// <summary>The Zoho record a webhook event is about: its module, its id (as the connector's links store it) and what
/// happened to it. Comment and attachment events concern their ticket.</summary>
public sealed record ZohoEventTarget(ZohoModule Module, string RecordId, bool Added, bool Deleted)
{
    /// <summary>The comment a comment event (added or changed) is about.</summary>
    public string? CommentId { get; init; }

    /// <summary>The file an attachment-added event is about.</summary>
    public string? AttachmentId { get; init; }

    private static readonly Dictionary<string, ZohoModule> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ticket"] = ZohoModule.Tickets,
        ["Contact"] = ZohoModule.Contacts,
        ["Account"] = ZohoModule.Accounts,
        ["Task"] = ZohoModule.Tasks,
        ["Call"] = ZohoModule.Calls,
        ["Event"] = ZohoModule.Events,
        ["Product"] = ZohoModule.Products,
        ["Contract"] = ZohoModule.Contracts,
        ["TimeEntry"] = ZohoModule.TimeEntries,
    };

    /// <summary>Reads a stored event (as <see cref="Zoho.Webhooks.ZohoWebhookEvent.Json"/> holds it); null when it names no
    /// record the connector knows.</summary>
    public static ZohoEventTarget? From(string eventJson)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(eventJson) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var eventType = Text(root?["eventType"]);
        var payload = root?["payload"] as JsonObject;
        if (eventType is null || payload is null)
        {
            return null;
        }

        var separator = eventType.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !Prefixes.TryGetValue(eventType[..separator], out var module))
        {
            return null;
        }

        var action = eventType[(separator + 1)..];
        var onTicket = action.StartsWith("Comment_", StringComparison.OrdinalIgnoreCase)
            || action.StartsWith("Attachment_", StringComparison.OrdinalIgnoreCase)
            || action.StartsWith("Thread_", StringComparison.OrdinalIgnoreCase);
        var id = onTicket ? Text(payload["ticketId"]) : Text(payload["id"]);
        if (module == ZohoModule.TimeEntries && Text(payload["parent"]?["id"]) is { } ticketId && id is not null)
        {
            id = $"{ticketId}:{id}";
        }

        return id is null
            ? null
            : new ZohoEventTarget(module, id, !onTicket && action.Equals("Add", StringComparison.OrdinalIgnoreCase),
                !onTicket && action.Equals("Delete", StringComparison.OrdinalIgnoreCase))
            {
                CommentId = action is "Comment_Add" or "Comment_Update" ? Text(payload["id"]) : null,
                AttachmentId = action is "Attachment_Add" ? Text(payload["id"]) : null,
            };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var s) ? (string.IsNullOrWhiteSpace(s) ? null : s) : value.ToJsonString()
        : null;
}
