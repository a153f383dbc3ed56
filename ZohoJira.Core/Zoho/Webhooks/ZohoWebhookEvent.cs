using System.Text.Json;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>One event of a Zoho Desk webhook delivery. <see cref="Json"/> is the event exactly as received.</summary>
public sealed record ZohoWebhookEvent(string EventType, string? OrgId, DateTimeOffset? EventTime, string? RecordId, string Json)
{
    /// <summary>Parses the delivery body: a JSON array of events (a single object is accepted too).</summary>
    public static IReadOnlyList<ZohoWebhookEvent> ParseDelivery(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        IEnumerable<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object => [root],
            _ => throw new JsonException("A Zoho webhook delivery is a JSON array of events."),
        };
        var events = new List<ZohoWebhookEvent>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(type.GetString()))
            {
                throw new JsonException("A Zoho webhook event needs an eventType.");
            }

            string? recordId = null;
            if (item.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("id", out var id))
            {
                recordId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }

            events.Add(new ZohoWebhookEvent(type.GetString()!, Text(item, "orgId"), ParseEventTime(Text(item, "eventTime")), recordId, item.GetRawText()));
        }

        return events;
    }

    /// <summary>Zoho sends epoch milliseconds as a string; ISO timestamps have been seen too. Anything else, including
    /// numbers outside the calendar, is null.</summary>
    public static DateTimeOffset? ParseEventTime(string? text)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            return ms is >= MinUnixMilliseconds and <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private const long MinUnixMilliseconds = -62_135_596_800_000;

    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Null ? null : value.GetRawText()
            : null;
}
