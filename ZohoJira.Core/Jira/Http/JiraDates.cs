using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Http;

/// <summary>Jira's timestamps: ISO 8601 with an offset without a colon (2026-01-05T10:02:11.123+0000), sometimes epoch ms.</summary>
internal static class JiraDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();

        // +0000 -> +00:00, which the standard parsers understand.
        if (value.Length > 5 && (value[^5] == '+' || value[^5] == '-') && char.IsAsciiDigit(value[^4]) && char.IsAsciiDigit(value[^1]))
        {
            value = value[..^2] + ":" + value[^2..];
        }

        return DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    public static DateTimeOffset? Parse(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds(value.GetValue<long>()),
            JsonValueKind.String => Parse(value.GetValue<string>()),
            _ => null,
        };
    }

    /// <summary>Formats an instant the way Jira writes it.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
