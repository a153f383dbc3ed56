using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// Renders an Atlassian Document Format document as HTML for Zoho Desk comments. The output is safe by
/// construction: every piece of text is HTML-encoded, only a fixed set of tags is written, and the only attributes
/// are checked link targets, list start numbers, table spans and a code-language class. Nodes without an HTML
/// equivalent (mentions, emoji, media, status, dates, panels, tasks, …) become readable text; unknown nodes give
/// their text content, never raw JSON or tags.
/// </summary>
public sealed class AdfToHtmlConverter
{
    /// <summary>Renders an ADF document (or any ADF node). A JSON string is treated as plain text.</summary>
    public string Convert(JsonNode? document)
    {
        var sb = new StringBuilder();
        switch (document)
        {
            case JsonObject obj when AdfNodes.TypeOf(obj) == "doc":
                RenderBlocks(AdfNodes.Content(obj), sb);
                break;
            case JsonObject obj:
                RenderBlocks(new JsonArray(obj.DeepClone()), sb);
                break;
            case JsonArray array:
                RenderBlocks(array, sb);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                RenderPlainText(value.GetValue<string>(), sb);
                break;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renders ADF given as JSON text. Text that is not a JSON object (for example the wiki-markup strings that
    /// webhook payloads may carry) is rendered as plain text, one paragraph per blank-line separated block.
    /// </summary>
    public string ConvertJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return string.Empty;
        }

        JsonNode? node = null;
        var trimmed = json.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                node = null;
            }
        }

        if (node is JsonObject)
        {
            return Convert(node);
        }

        var sb = new StringBuilder();
        RenderPlainText(json, sb);
        return sb.ToString();
    }

    private static void RenderPlainText(string text, StringBuilder sb)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var block in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Trim('\n').Split('\n');
            if (lines.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            sb.Append("<p>");
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append("<br>");
                }

                AdfHtml.AppendEncoded(sb, lines[i]);
            }

            sb.Append("</p>");
        }
    }

    private static bool IsInline(string? type) => type is "text" or "hardBreak" or "mention" or "emoji" or "date"
        or "status" or "inlineCard" or "mediaInline" or "placeholder" or "inlineExtension";

    /// <summary>
    /// Renders the content of a list item or table cell: a leading paragraph is written without its
    /// <c>&lt;p&gt;</c> (as Zoho's editor writes list items and cells), the rest as blocks.
    /// </summary>
    private static void RenderItemContent(JsonArray? content, StringBuilder sb)
    {
        if (content is null || content.Count == 0)
        {
            return;
        }

        if (content[0] is JsonObject first && AdfNodes.TypeOf(first) == "paragraph")
        {
            RenderInlines(first, sb);
            RenderBlocks(content, sb, skip: 1);
            return;
        }

        RenderBlocks(content, sb);
    }

    /// <summary>Renders block content; stray inline nodes at block level are grouped into paragraphs.</summary>
    private static void RenderBlocks(JsonArray? content, StringBuilder sb, int skip = 0)
    {
        if (content is null)
        {
            return;
        }

        var pending = new List<JsonObject>();
        void FlushInline()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var inner = new StringBuilder();
            foreach (var node in pending)
            {
                RenderInline(node, inner);
            }

            pending.Clear();
            if (inner.Length > 0)
            {
                sb.Append("<p>").Append(inner).Append("</p>");
            }
        }

        foreach (var item in content.Skip(skip))
        {
            if (item is not JsonObject node)
            {
                continue;
            }

            if (IsInline(AdfNodes.TypeOf(node)))
            {
                pending.Add(node);
                continue;
            }

            FlushInline();
            RenderBlock(node, sb);
        }

        FlushInline();
    }

    private static void RenderInlines(JsonObject parent, StringBuilder sb)
    {
        foreach (var child in AdfNodes.Children(parent))
        {
            RenderInline(child, sb);
        }
    }

    private static void RenderBlock(JsonObject node, StringBuilder sb)
    {
        switch (AdfNodes.TypeOf(node))
        {
            case "paragraph":
                sb.Append("<p>");
                RenderInlines(node, sb);
                sb.Append("</p>");
                break;
            case "heading":
                var level = AdfNodes.TryGetInt(AdfNodes.Attrs(node)?["level"], out var l) ? Math.Clamp(l, 1, 6) : 1;
                sb.Append("<h").Append(level).Append('>');
                RenderInlines(node, sb);
                sb.Append("</h").Append(level).Append('>');
                break;
            case "bulletList":
                RenderList(node, "ul", sb);
                break;
            case "orderedList":
                RenderList(node, "ol", sb);
                break;
            case "listItem":
                RenderBlocks(AdfNodes.Content(node), sb);
                break;
            case "blockquote":
                sb.Append("<blockquote>");
                RenderBlocks(AdfNodes.Content(node), sb);
                sb.Append("</blockquote>");
                break;
            case "codeBlock":
                RenderCodeBlock(node, sb);
                break;
            case "rule":
                sb.Append("<hr>");
                break;
            case "table":
                RenderTable(node, sb);
                break;
            case "panel":
                sb.Append("<blockquote><p><strong>");
                AdfHtml.AppendEncoded(sb, AdfReadable.PanelLabel(node));
                sb.Append(":</strong></p>");
                RenderBlocks(AdfNodes.Content(node), sb);
                sb.Append("</blockquote>");
                break;
            case "expand" or "nestedExpand":
                var title = AdfNodes.Attr(node, "title")?.Trim();
                if (!string.IsNullOrEmpty(title))
                {
                    sb.Append("<p><strong>");
                    AdfHtml.AppendEncoded(sb, title);
                    sb.Append("</strong></p>");
                }

                RenderBlocks(AdfNodes.Content(node), sb);
                break;
            case "mediaSingle" or "mediaGroup":
                RenderMediaBlock(node, sb);
                break;
            case "media":
                sb.Append("<p>");
                AdfHtml.AppendEncoded(sb, AdfReadable.Media(node));
                sb.Append("</p>");
                break;
            case "blockCard" or "embedCard":
                sb.Append("<p>");
                RenderCard(node, sb);
                sb.Append("</p>");
                break;
            case "decisionList":
                RenderItemList(node, sb, _ => AdfReadable.DecisionPrefix);
                break;
            case "taskList":
                RenderItemList(node, sb, AdfReadable.TaskPrefix);
                break;
            case "decisionItem" or "taskItem":
                sb.Append("<p>");
                RenderInlines(node, sb);
                sb.Append("</p>");
                break;
            default:
                // layoutSection, bodiedExtension and anything unknown: its content, or its text.
                if (AdfNodes.Content(node) is { } content)
                {
                    RenderBlocks(content, sb);
                }
                else
                {
                    var text = new StringBuilder();
                    AdfReadable.AppendUnknownText(text, node);
                    if (text.ToString().Trim().Length > 0)
                    {
                        sb.Append("<p>");
                        AppendTextWithBreaks(sb, text.ToString());
                        sb.Append("</p>");
                    }
                }

                break;
        }
    }

    private static void RenderList(JsonObject node, string tag, StringBuilder sb)
    {
        sb.Append('<').Append(tag);
        if (tag == "ol" && AdfNodes.TryGetInt(AdfNodes.Attrs(node)?["order"], out var order) && order is >= 0 and not 1)
        {
            sb.Append(" start=\"").Append(order.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        sb.Append('>');
        foreach (var item in AdfNodes.Children(node))
        {
            sb.Append("<li>");
            if (AdfNodes.TypeOf(item) == "listItem")
            {
                RenderItemContent(AdfNodes.Content(item), sb);
            }
            else
            {
                RenderBlocks(new JsonArray(item.DeepClone()), sb);
            }

            sb.Append("</li>");
        }

        sb.Append("</").Append(tag).Append('>');
    }

    private static void RenderItemList(JsonObject node, StringBuilder sb, Func<JsonObject, string> prefix)
    {
        sb.Append("<ul>");
        foreach (var item in AdfNodes.Children(node))
        {
            sb.Append("<li>");
            if (AdfNodes.TypeOf(item) is "decisionItem" or "taskItem")
            {
                AdfHtml.AppendEncoded(sb, prefix(item));
                RenderInlines(item, sb);
            }
            else
            {
                RenderBlocks(new JsonArray(item.DeepClone()), sb);
            }

            sb.Append("</li>");
        }

        sb.Append("</ul>");
    }

    private static void RenderCodeBlock(JsonObject node, StringBuilder sb)
    {
        var text = new StringBuilder();
        foreach (var child in AdfNodes.Children(node))
        {
            AdfReadable.AppendInlineText(text, child);
        }

        var language = AdfNodes.Attr(node, "language");
        sb.Append("<pre><code");
        if (!string.IsNullOrEmpty(language) && language.Length <= 40
            && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '-' or '_' or '.'))
        {
            sb.Append(" class=\"language-");
            AdfHtml.AppendEncoded(sb, language.ToLowerInvariant());
            sb.Append('"');
        }

        sb.Append('>');
        AdfHtml.AppendEncoded(sb, text.ToString());
        sb.Append("</code></pre>");
    }

    private static void RenderTable(JsonObject node, StringBuilder sb)
    {
        sb.Append("<table><tbody>");
        foreach (var row in AdfNodes.Children(node))
        {
            sb.Append("<tr>");
            foreach (var cell in AdfNodes.Children(row))
            {
                var tag = AdfNodes.TypeOf(cell) == "tableHeader" ? "th" : "td";
                sb.Append('<').Append(tag);
                foreach (var span in (string[])["colspan", "rowspan"])
                {
                    if (AdfNodes.TryGetInt(AdfNodes.Attrs(cell)?[span], out var value) && value is > 1 and <= 1000)
                    {
                        sb.Append(' ').Append(span).Append("=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }
                }

                sb.Append('>');
                RenderItemContent(AdfNodes.Content(cell), sb);
                sb.Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void RenderMediaBlock(JsonObject node, StringBuilder sb)
    {
        var inner = new StringBuilder();
        foreach (var child in AdfNodes.Children(node))
        {
            if (inner.Length > 0)
            {
                inner.Append("<br>");
            }

            if (AdfNodes.TypeOf(child) is "media" or "mediaInline")
            {
                AdfHtml.AppendEncoded(inner, AdfReadable.Media(child));
            }
            else if (AdfNodes.TypeOf(child) == "caption")
            {
                RenderInlines(child, inner);
            }
            else
            {
                RenderInline(child, inner);
            }
        }

        if (inner.Length > 0)
        {
            sb.Append("<p>").Append(inner).Append("</p>");
        }
    }

    private static void RenderCard(JsonObject node, StringBuilder sb)
    {
        var url = AdfReadable.CardUrl(node);
        var text = AdfReadable.CardText(node);
        if (url is null)
        {
            AdfHtml.AppendEncoded(sb, text);
            return;
        }

        sb.Append("<a href=\"");
        AdfHtml.AppendEncoded(sb, url);
        sb.Append("\">");
        AdfHtml.AppendEncoded(sb, text);
        sb.Append("</a>");
    }

    private static void RenderInline(JsonObject node, StringBuilder sb)
    {
        switch (AdfNodes.TypeOf(node))
        {
            case "text":
                RenderText(node, sb);
                break;
            case "hardBreak":
                sb.Append("<br>");
                break;
            case "inlineCard":
                RenderCard(node, sb);
                break;
            default:
                var text = new StringBuilder();
                AdfReadable.AppendInlineText(text, node);
                AppendTextWithBreaks(sb, text.ToString());
                break;
        }
    }

    private static void AppendTextWithBreaks(StringBuilder sb, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("<br>");
            }

            AdfHtml.AppendEncoded(sb, lines[i]);
        }
    }

    private static void RenderText(JsonObject node, StringBuilder sb)
    {
        var text = AdfNodes.GetString(node, "text");
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var closers = new Stack<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var marks = (node["marks"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

        // The link goes outermost so formatted parts of one link stay one clickable run when merged by Zoho.
        foreach (var mark in marks.OrderBy(m => AdfNodes.TypeOf(m) == "link" ? 0 : 1))
        {
            var type = AdfNodes.TypeOf(mark);
            if (type is null || !seen.Add(type))
            {
                continue;
            }

            switch (type)
            {
                case "link":
                    if (AdfUrl.TryGetSafeHref(AdfNodes.Attr(mark, "href"), out var href))
                    {
                        sb.Append("<a href=\"");
                        AdfHtml.AppendEncoded(sb, href);
                        sb.Append('"');
                        var title = AdfNodes.Attr(mark, "title");
                        if (!string.IsNullOrWhiteSpace(title))
                        {
                            sb.Append(" title=\"");
                            AdfHtml.AppendEncoded(sb, title);
                            sb.Append('"');
                        }

                        sb.Append('>');
                        closers.Push("</a>");
                    }

                    break;
                case "strong":
                    Open(sb, closers, "strong");
                    break;
                case "em":
                    Open(sb, closers, "em");
                    break;
                case "underline":
                    Open(sb, closers, "u");
                    break;
                case "strike":
                    Open(sb, closers, "s");
                    break;
                case "code":
                    Open(sb, closers, "code");
                    break;
                case "subsup":
                    Open(sb, closers, AdfNodes.Attr(mark, "type") == "sub" ? "sub" : "sup");
                    break;
            }
        }

        AppendTextWithBreaks(sb, text);
        while (closers.Count > 0)
        {
            sb.Append(closers.Pop());
        }
    }

    private static void Open(StringBuilder sb, Stack<string> closers, string tag)
    {
        sb.Append('<').Append(tag).Append('>');
        closers.Push("</" + tag + ">");
    }
}
