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
        try
        {
            parsed = Parse(body);
            return parsed is not null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Not JSON, nested too deep, duplicate members, or members of unexpected types.
            return false;
        }
    }

    private static JiraWebhookEvent? Parse(ReadOnlySpan<byte> body)
    {
        if (JsonNode.Parse(body) is not JsonObject root || Text(root["webhookEvent"]) is not { Length: > 0 } eventType)
        {
            return null;
        }

        var issue = root["issue"] as JsonObject;
        var comment = root["comment"] as JsonObject;
        var attachment = root["attachment"] as JsonObject;
        var fields = issue?["fields"] as JsonObject;

        // The actor: "user" on issue events, the (update) author on comment and attachment events.
        var actor = Text(Member(root["user"], "accountId"))
            ?? (eventType == JiraWebhookEvents.CommentUpdated ? Text(Member(comment?["updateAuthor"], "accountId")) : null)
            ?? Text(Member(comment?["author"], "accountId"))
            ?? Text(Member(attachment?["author"], "accountId"));

        var changes = (Member(root["changelog"], "items") as JsonArray)?.OfType<JsonObject>()
            .Select(i => new JiraChangedField(Text(i["field"]) ?? string.Empty, Text(i["fieldId"]), Text(i["from"]), Text(i["fromString"]), Text(i["to"]), Text(i["toString"])))
            .ToList() ?? [];

        return new JiraWebhookEvent(
            eventType,
            Text(root["issue_event_type_name"]),
            Timestamp(root["timestamp"]),
            actor,
            Text(issue?["id"]),
            Text(issue?["key"]),
            Text(Member(fields?["project"], "key")),
            Text(comment?["id"]),
            Text(attachment?["id"]),
            Text(attachment?["filename"]),
            changes);
    }

    /// <summary>Epoch milliseconds as a whole JSON number within the calendar; anything else is no timestamp.</summary>
    private static DateTimeOffset? Timestamp(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var ms)
        && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static JsonNode? Member(JsonNode? node, string name) => (node as JsonObject)?[name];

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
