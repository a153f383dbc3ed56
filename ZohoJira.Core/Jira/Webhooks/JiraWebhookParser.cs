using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>Reads the parts of a Jira webhook body the connector uses. Tolerant: unknown members are ignored, missing ones
/// are null; only a body that is not a JSON object with <c>webhookEvent</c> is rejected.</summary>
public static class JiraWebhookParser
{
    public static bool TryParse(ReadOnlySpan<byte> body, out JiraWebhookEvent? parsed)
    {
        parsed = null;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }

        if (root is null || Text(root["webhookEvent"]) is not { Length: > 0 } eventType)
        {
            return false;
        }

        var issue = root["issue"] as JsonObject;
        var comment = root["comment"] as JsonObject;
        var attachment = root["attachment"] as JsonObject;
        var fields = issue?["fields"] as JsonObject;

        // The actor: "user" on issue events, the (update) author on comment and attachment events.
        var actor = Text(root["user"]?["accountId"])
            ?? (eventType == JiraWebhookEvents.CommentUpdated ? Text(comment?["updateAuthor"]?["accountId"]) : null)
            ?? Text(comment?["author"]?["accountId"])
            ?? Text(attachment?["author"]?["accountId"]);

        var changes = (root["changelog"]?["items"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => new JiraChangedField(Text(i["field"]) ?? string.Empty, Text(i["fieldId"]), Text(i["from"]), Text(i["fromString"]), Text(i["to"]), Text(i["toString"])))
            .ToList() ?? [];

        parsed = new JiraWebhookEvent(
            eventType,
            Text(root["issue_event_type_name"]),
            root["timestamp"] is JsonValue ts && ts.GetValueKind() == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(ts.GetValue<long>()) : null,
            actor,
            Text(issue?["id"]),
            Text(issue?["key"]),
            Text(fields?["project"]?["key"]),
            Text(comment?["id"]),
            Text(attachment?["id"]),
            Text(attachment?["filename"]),
            changes);
        return true;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
