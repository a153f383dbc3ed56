using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using ZohoJira.Core.Jira.Adf;

namespace ZohoJira.Web.Components.IssuePanel;

/// <summary>Zoho field values as the panel shows them: dates and times in the reader's time zone, people and lookups by
/// name, lists joined, yes/no for booleans, and rich text sanitised (never Zoho's raw HTML).</summary>
public static class PanelValueFormatter
{
    /// <summary>The value as markup safe to render.</summary>
    public static MarkupString Format(JsonElement value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { } text && LooksLikeHtml(text)
            ? new MarkupString(SafeHtml.Sanitize(text))
            : new MarkupString(System.Net.WebUtility.HtmlEncode(Text(value, zone)));
    }

    /// <summary>The value as plain text.</summary>
    public static string Text(JsonElement value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "—";
            case JsonValueKind.True:
                return "Yes";
            case JsonValueKind.False:
                return "No";
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Array:
                var parts = value.EnumerateArray().Select(v => Text(v, zone)).Where(t => t != "—").ToList();
                return parts.Count == 0 ? "—" : string.Join(", ", parts);
            case JsonValueKind.Object:
                return Name(value) ?? "—";
            default:
                var text = value.GetString() ?? string.Empty;
                return text.Length == 0 ? "—" : Time(text, zone) ?? text;
        }
    }

    /// <summary>A date-time in the zone ("2026-03-01 10:30 CET"-like, with the zone's UTC offset), a bare date as it is.</summary>
    public static string? Time(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Time(at, zone)
            : null;
    }

    /// <summary>An instant in the zone, with the zone's UTC offset: "2026-03-01 10:30 UTC+01:00".</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var zoneText = offset == TimeSpan.Zero ? "UTC" : $"UTC{sign}{offset.Duration():hh\\:mm}";
        return $"{local:yyyy-MM-dd HH:mm} {zoneText}";
    }

    private static string? Name(JsonElement value)
    {
        string? Get(string name) => value.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var person = string.Join(' ', new[] { Get("firstName"), Get("lastName") }.Where(s => !string.IsNullOrEmpty(s)));
        return Get("name") ?? Get("displayName") ?? (person.Length > 0 ? person : null) ?? Get("accountName") ?? Get("email") ?? Get("value");
    }

    private static bool LooksLikeHtml(string text) => text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);
}
