using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// Readable text for ADF nodes that have no HTML equivalent (mentions, emoji, media, status, dates, cards), shared by
/// the HTML emitter and the plain-text extractor so both degrade the same way.
/// </summary>
internal static class AdfReadable
{
    public static string Mention(JsonObject node)
    {
        var text = AdfNodes.Attr(node, "text")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "@user";
        }

        return text.StartsWith('@') ? text : "@" + text;
    }

    public static string Emoji(JsonObject node)
    {
        var text = AdfNodes.Attr(node, "text");
        if (!string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        return AdfNodes.Attr(node, "shortName") ?? string.Empty;
    }

    public static string Media(JsonObject node)
    {
        var name = FirstNonEmpty(
            AdfNodes.Attr(node, "alt"),
            AdfNodes.Attr(node, "__fileName"),
            AdfNodes.Attr(node, "fileName"),
            AdfUrl.FileNameOf(AdfNodes.Attr(node, "url")));
        return name is null ? "[attachment]" : $"[attachment: {name}]";
    }

    public static string Status(JsonObject node)
    {
        var text = AdfNodes.Attr(node, "text")?.Trim();
        return string.IsNullOrEmpty(text) ? "[status]" : $"[{text}]";
    }

    public static string Date(JsonObject node)
    {
        var attrs = AdfNodes.Attrs(node);
        if (attrs is null || !attrs.TryGetPropertyValue("timestamp", out var raw) || raw is not JsonValue value)
        {
            return string.Empty;
        }

        long ms;
        if (value.GetValueKind() == JsonValueKind.String)
        {
            if (!long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out ms))
            {
                return string.Empty;
            }
        }
        else if (value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue(out ms))
        {
            return string.Empty;
        }

        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return string.Empty;
        }
    }

    /// <summary>The URL of an inlineCard/blockCard/embedCard, if it is a safe web link.</summary>
    public static string? CardUrl(JsonObject node)
    {
        var url = AdfNodes.Attr(node, "url") ?? AdfNodes.GetString(AdfNodes.Attrs(node)?["data"] as JsonObject, "url");
        return AdfUrl.TryGetSafeHref(url, out var href) ? href : null;
    }

    public static string CardText(JsonObject node)
    {
        var name = AdfNodes.GetString(AdfNodes.Attrs(node)?["data"] as JsonObject, "name");
        return FirstNonEmpty(name, CardUrl(node)) ?? "[link]";
    }

    public static string PanelLabel(JsonObject node) => AdfNodes.Attr(node, "panelType") switch
    {
        "info" => "Info",
        "warning" => "Warning",
        "success" => "Success",
        "error" => "Error",
        _ => "Note",
    };

    public static string TaskPrefix(JsonObject node) =>
        string.Equals(AdfNodes.Attr(node, "state"), "DONE", StringComparison.OrdinalIgnoreCase) ? "[x] " : "[ ] ";

    public const string DecisionPrefix = "Decision: ";

    /// <summary>Readable text for an inline-level node (text, hardBreak, mention, …); unknown nodes give their text content.</summary>
    public static void AppendInlineText(StringBuilder sb, JsonObject node)
    {
        switch (AdfNodes.TypeOf(node))
        {
            case "text":
                sb.Append(AdfNodes.GetString(node, "text"));
                break;
            case "hardBreak":
                sb.Append('\n');
                break;
            case "mention":
                sb.Append(Mention(node));
                break;
            case "emoji":
                sb.Append(Emoji(node));
                break;
            case "date":
                sb.Append(Date(node));
                break;
            case "status":
                sb.Append(Status(node));
                break;
            case "inlineCard":
                sb.Append(CardText(node));
                break;
            case "media":
            case "mediaInline":
                sb.Append(Media(node));
                break;
            case "placeholder":
                break;
            default:
                AppendUnknownText(sb, node);
                break;
        }
    }

    /// <summary>Text content of any node, recursively; block boundaries become spaces.</summary>
    public static void AppendUnknownText(StringBuilder sb, JsonObject node)
    {
        var content = AdfNodes.Content(node);
        if (content is null)
        {
            var own = AdfNodes.GetString(node, "text") ?? AdfNodes.Attr(node, "text");
            if (!string.IsNullOrEmpty(own))
            {
                sb.Append(own);
            }

            return;
        }

        var first = true;
        foreach (var child in content.OfType<JsonObject>())
        {
            if (!first && IsBlockish(child) && sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
            {
                sb.Append(' ');
            }

            AppendInlineText(sb, child);
            first = false;
        }
    }

    private static bool IsBlockish(JsonObject node) => AdfNodes.Content(node) is not null
        && AdfNodes.TypeOf(node) is not ("text" or "hardBreak");

    private static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
