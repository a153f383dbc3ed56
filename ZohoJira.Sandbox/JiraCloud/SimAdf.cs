using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>What the simulated site knows about Atlassian Document Format: building simple documents, the structural
/// checks Jira applies to rich-text values (a document, not a string; non-empty text nodes), and rendering to HTML the
/// way <c>renderedFields</c> / <c>renderedBody</c> do.</summary>
internal static class SimAdf
{
    public const int MaxTextLength = 32_767;

    public static JsonObject Doc(params string[] paragraphs)
    {
        var content = new JsonArray();
        foreach (var paragraph in paragraphs)
        {
            content.Add(Paragraph(paragraph));
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    public static JsonObject Paragraph(string text, string? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (mark is not null)
        {
            node["marks"] = new JsonArray(new JsonObject { ["type"] = mark });
        }

        return new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(node) };
    }

    /// <summary>Null when <paramref name="value"/> is a well-formed document; otherwise why not.</summary>
    public static string? Validate(JsonNode? value)
    {
        if (value is not JsonObject doc || Kind(doc) != "doc")
        {
            return "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
        }

        if (doc["content"] is not JsonArray)
        {
            return "The document is missing its content.";
        }

        var problem = ValidateNode(doc);
        if (problem is not null)
        {
            return problem;
        }

        return TextLength(doc) > MaxTextLength
            ? "The entered text is too long. It exceeds the allowed limit of 32,767 characters."
            : null;
    }

    public static int TextLength(JsonNode? node) => node switch
    {
        JsonObject o when Kind(o) == "text" => (o["text"] as JsonValue)?.GetValue<string>().Length ?? 0,
        JsonObject o => o["content"] is JsonArray a ? a.Sum(TextLength) : 0,
        _ => 0,
    };

    public static string ToPlainText(JsonObject doc)
    {
        var builder = new StringBuilder();
        AppendText(doc, builder);
        return builder.ToString().Trim();
    }

    public static string ToHtml(JsonObject doc)
    {
        var builder = new StringBuilder();
        if (doc["content"] is JsonArray content)
        {
            foreach (var child in content)
            {
                AppendHtml(child, builder);
            }
        }

        return builder.ToString();
    }

    private static string? Kind(JsonObject node) =>
        node["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string? ValidateNode(JsonObject node)
    {
        var kind = Kind(node);
        if (kind is null)
        {
            return "Every document node needs a type.";
        }

        if (kind == "text")
        {
            return node["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>().Length > 0
                ? null
                : "Text nodes must have non-empty text.";
        }

        if (node["content"] is JsonArray children)
        {
            foreach (var child in children)
            {
                if (child is not JsonObject childNode)
                {
                    return "Document content must be nodes.";
                }

                var problem = ValidateNode(childNode);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static void AppendText(JsonNode? node, StringBuilder builder)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        switch (Kind(o))
        {
            case "text":
                builder.Append((o["text"] as JsonValue)?.GetValue<string>());
                return;
            case "hardBreak":
                builder.Append('\n');
                return;
        }

        if (o["content"] is JsonArray children)
        {
            foreach (var child in children)
            {
                AppendText(child, builder);
            }
        }

        if (Kind(o) is "paragraph" or "heading" or "listItem" or "codeBlock")
        {
            builder.Append('\n');
        }
    }

    private static void AppendHtml(JsonNode? node, StringBuilder builder)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        var kind = Kind(o);
        if (kind == "text")
        {
            var text = WebUtility.HtmlEncode((o["text"] as JsonValue)?.GetValue<string>() ?? string.Empty);
            var marks = o["marks"] as JsonArray ?? [];
            foreach (var mark in marks.OfType<JsonObject>().Reverse())
            {
                text = Kind(mark) switch
                {
                    "strong" => $"<b>{text}</b>",
                    "em" => $"<em>{text}</em>",
                    "underline" => $"<ins>{text}</ins>",
                    "strike" => $"<del>{text}</del>",
                    "code" => $"<tt>{text}</tt>",
                    "link" => $"<a href=\"{WebUtility.HtmlEncode(mark["attrs"]?["href"]?.GetValue<string>() ?? "#")}\">{text}</a>",
                    _ => text,
                };
            }

            builder.Append(text);
            return;
        }

        var (open, close) = kind switch
        {
            "paragraph" => ("<p>", "</p>"),
            "heading" => ($"<h{Level(o)}>", $"</h{Level(o)}>"),
            "bulletList" => ("<ul>", "</ul>"),
            "orderedList" => ("<ol>", "</ol>"),
            "listItem" => ("<li>", "</li>"),
            "blockquote" => ("<blockquote>", "</blockquote>"),
            "codeBlock" => ("<pre>", "</pre>"),
            "table" => ("<table>", "</table>"),
            "tableRow" => ("<tr>", "</tr>"),
            "tableHeader" => ("<th>", "</th>"),
            "tableCell" => ("<td>", "</td>"),
            "hardBreak" => ("<br/>", string.Empty),
            "rule" => ("<hr/>", string.Empty),
            _ => (string.Empty, string.Empty),
        };
        builder.Append(open);
        if (o["content"] is JsonArray children)
        {
            foreach (var child in children)
            {
                AppendHtml(child, builder);
            }
        }

        builder.Append(close);
    }

    private static int Level(JsonObject heading) =>
        heading["attrs"]?["level"] is JsonValue v && v.TryGetValue<int>(out var level) ? Math.Clamp(level, 1, 6) : 1;
}
