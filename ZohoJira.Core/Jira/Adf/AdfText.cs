using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>Plain text of ADF documents, and fitting documents into Jira's rich-text size limit.</summary>
public static class AdfText
{
    /// <summary>Jira Cloud rejects a description, comment or textarea field above this many characters.</summary>
    public const int JiraMaxLength = 32_767;

    /// <summary>
    /// The default budget for <see cref="FitToLimit"/>: the limit minus headroom for attributes Jira adds when it
    /// stores a document (for example <c>localId</c>s) and for differences in how characters are counted.
    /// </summary>
    public const int DefaultBudget = 32_000;

    /// <summary>The smallest budget <see cref="FitToLimit"/> accepts (room for the marker and a little text).</summary>
    public const int MinimumBudget = 256;

    /// <summary>
    /// The plain text of an ADF document: one line per paragraph, heading, list item or code line; table cells
    /// joined with " | "; mentions, emoji, media, status and dates as the same readable text the HTML shows.
    /// </summary>
    public static string ToPlainText(JsonNode? document)
    {
        var sb = new StringBuilder();
        switch (document)
        {
            case JsonObject obj:
                Write(obj, sb);
                break;
            case JsonArray array:
                foreach (var node in array.OfType<JsonObject>())
                {
                    Write(node, sb);
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                sb.Append(value.GetValue<string>());
                break;
        }

        return sb.ToString().TrimEnd('\n', ' ');
    }

    /// <summary>
    /// An ADF document for plain text (reference §7.2 "Plain-text fallback"): blank lines separate paragraphs,
    /// single newlines become hard breaks; nothing is interpreted as markup and no empty text node is produced.
    /// </summary>
    public static JsonObject FromPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AdfNodes.Doc();
        }

        var paragraphs = new List<JsonNode>();
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var block in normalized.Split("\n\n"))
        {
            var inline = new List<JsonNode>();
            foreach (var line in block.Split('\n'))
            {
                var trimmed = line.TrimEnd();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                if (inline.Count > 0)
                {
                    inline.Add(AdfNodes.HardBreak());
                }

                inline.Add(AdfNodes.Text(trimmed));
            }

            if (inline.Count > 0)
            {
                paragraphs.Add(AdfNodes.Paragraph(inline));
            }
        }

        return AdfNodes.Doc(paragraphs);
    }

    /// <summary>
    /// The length Jira's 32,767-character limit is checked against, as we count it: the length (UTF-16 code units)
    /// of the document's compact JSON serialization, with non-ASCII characters written as themselves.
    /// </summary>
    /// <remarks>
    /// The reference (jira-cloud-api.md §4.8 "Size limit", §5 limits, §9.3; sources under [TEXTLIMIT]) gives the
    /// limit and the 400 error ("The entered text is too long. It exceeds the allowed limit of 32,767 characters.")
    /// but not what exactly is counted for an ADF document. REST v3 takes and stores rich text as the ADF JSON, and
    /// the cited reports show the error still firing after the visible text was cut slightly below the limit, so we
    /// count the serialized document: it is never shorter than the visible text, which makes it the safe choice.
    /// Non-ASCII characters are counted once (not as <c>\uXXXX</c> escapes) because Jira's own JSON writer does not
    /// escape them; the headroom in <see cref="DefaultBudget"/> covers the remaining uncertainty.
    /// </remarks>
    public static int MeasureLength(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return AdfNodes.MeasureJson(document);
    }

    /// <summary>The visible marker that ends a truncated document.</summary>
    public static string TruncationMarker(int omittedCharacters) =>
        string.Create(CultureInfo.InvariantCulture, $"… [truncated by ZohoJira: {omittedCharacters} characters omitted]");

    /// <summary>
    /// Returns a copy of <paramref name="document"/> whose <see cref="MeasureLength"/> is at most
    /// <paramref name="maxLength"/>. When the document is too long, whole blocks are kept while they fit, the
    /// block at the cut is shortened (text is cut, lists and quotes keep the items that fit, tables keep whole rows),
    /// and a last paragraph with <see cref="TruncationMarker"/> says how many characters of text were left out.
    /// The result stays valid ADF.
    /// </summary>
    public static AdfFitResult FitToLimit(JsonObject document, int maxLength = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumBudget);

        var copy = (JsonObject)document.DeepClone();
        var length = MeasureLength(copy);
        if (length <= maxLength)
        {
            return new AdfFitResult(copy, false, 0, length);
        }

        var totalText = ToPlainText(document).Length;

        // Reserve room for the marker with the largest number it could show.
        var markerCost = AdfNodes.MeasureJson(MarkerParagraph(Math.Max(totalText, 1))) + 1;
        var skeletonCost = AdfNodes.MeasureJson(AdfNodes.Doc());
        var budget = maxLength - skeletonCost - markerCost;

        var kept = TruncateChildren(AdfNodes.Children(document), budget, allowPartial: true);
        var result = AdfNodes.Doc(kept);
        var omitted = Math.Max(0, totalText - ToPlainText(result).Length);
        AdfNodes.Content(result)!.Add(MarkerParagraph(omitted));
        return new AdfFitResult(result, true, omitted, MeasureLength(result));
    }

    private static JsonObject MarkerParagraph(int omitted) =>
        AdfNodes.Paragraph([AdfNodes.Text(TruncationMarker(omitted), [new JsonObject { ["type"] = "em" }])]);

    private static List<JsonObject> TruncateChildren(IEnumerable<JsonObject> children, int budget, bool allowPartial)
    {
        var kept = new List<JsonObject>();
        var used = 0;
        foreach (var child in children)
        {
            var separator = kept.Count > 0 ? 1 : 0;
            var size = AdfNodes.MeasureJson(child);
            if (used + separator + size <= budget)
            {
                kept.Add((JsonObject)child.DeepClone());
                used += separator + size;
                continue;
            }

            if (allowPartial && TruncateNode(child, budget - used - separator) is { } partial)
            {
                kept.Add(partial);
            }

            break;
        }

        return kept;
    }

    private static JsonObject? TruncateNode(JsonObject node, int budget)
    {
        if (budget <= 0)
        {
            return null;
        }

        var type = AdfNodes.TypeOf(node);
        if (type == "text")
        {
            return TruncateText(node, budget);
        }

        if (AdfNodes.Content(node) is null
            || type is "mediaSingle" or "mediaGroup" or "tableRow" or "tableCell" or "tableHeader")
        {
            return null;
        }

        var shell = (JsonObject)node.DeepClone();
        shell["content"] = new JsonArray();
        var available = budget - AdfNodes.MeasureJson(shell);
        var kept = TruncateChildren(AdfNodes.Children(node), available, allowPartial: type != "table");
        if (kept.Count == 0)
        {
            return null;
        }

        if (type == "listItem" && AdfNodes.TypeOf(kept[0]) != "paragraph")
        {
            return null;
        }

        shell["content"] = AdfNodes.ToArray(kept);
        return shell;
    }

    private static JsonObject? TruncateText(JsonObject node, int budget)
    {
        var text = AdfNodes.GetString(node, "text") ?? string.Empty;
        var shell = (JsonObject)node.DeepClone();

        bool Fits(int count)
        {
            shell["text"] = text[..count];
            return AdfNodes.MeasureJson(shell) <= budget;
        }

        // Largest prefix that fits (binary search: escaping makes the cost per character uneven).
        int low = 0, high = text.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Fits(mid))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var cut = low;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Prefer ending at a word boundary when one is close.
        var space = text.LastIndexOf(' ', Math.Max(cut - 1, 0));
        if (space > 0 && cut - space < 40 && cut < text.Length)
        {
            cut = space;
        }

        var prefix = text[..cut].TrimEnd();
        if (prefix.Length == 0 || !Fits(prefix.Length))
        {
            return null;
        }

        shell["text"] = prefix;
        return shell;
    }

    private static void EndLine(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
    }

    private static void Write(JsonObject node, StringBuilder sb)
    {
        switch (AdfNodes.TypeOf(node))
        {
            case "paragraph" or "heading" or "caption":
                EndLine(sb);
                WriteInlines(node, sb);
                EndLine(sb);
                break;
            case "decisionItem":
                EndLine(sb);
                sb.Append(AdfReadable.DecisionPrefix);
                WriteInlines(node, sb);
                EndLine(sb);
                break;
            case "taskItem":
                EndLine(sb);
                sb.Append(AdfReadable.TaskPrefix(node));
                WriteInlines(node, sb);
                EndLine(sb);
                break;
            case "codeBlock":
                EndLine(sb);
                WriteInlines(node, sb);
                EndLine(sb);
                break;
            case "tableRow":
                EndLine(sb);
                var cells = AdfNodes.Children(node)
                    .Select(cell => ToPlainText(AdfNodes.Content(cell)).Replace('\n', ' ').Trim());
                sb.Append(string.Join(" | ", cells));
                EndLine(sb);
                break;
            case "rule":
                EndLine(sb);
                break;
            case "expand" or "nestedExpand":
                EndLine(sb);
                sb.Append(AdfNodes.Attr(node, "title")?.Trim());
                EndLine(sb);
                WriteBlocks(node, sb);
                break;
            case "media" or "blockCard" or "embedCard":
                EndLine(sb);
                sb.Append(AdfNodes.TypeOf(node) == "media" ? AdfReadable.Media(node) : AdfReadable.CardText(node));
                EndLine(sb);
                break;
            case "mediaSingle" or "mediaGroup":
                foreach (var child in AdfNodes.Children(node))
                {
                    EndLine(sb);
                    if (AdfNodes.TypeOf(child) == "caption")
                    {
                        WriteInlines(child, sb);
                    }
                    else
                    {
                        AdfReadable.AppendInlineText(sb, child);
                    }

                    EndLine(sb);
                }

                break;
            case "text" or "hardBreak" or "mention" or "emoji" or "date" or "status" or "inlineCard" or "mediaInline":
                AdfReadable.AppendInlineText(sb, node);
                break;
            default:
                if (AdfNodes.Content(node) is not null)
                {
                    WriteBlocks(node, sb);
                }
                else
                {
                    AdfReadable.AppendUnknownText(sb, node);
                }

                break;
        }
    }

    private static void WriteBlocks(JsonObject node, StringBuilder sb)
    {
        foreach (var child in AdfNodes.Children(node))
        {
            Write(child, sb);
        }
    }

    private static void WriteInlines(JsonObject node, StringBuilder sb)
    {
        foreach (var child in AdfNodes.Children(node))
        {
            AdfReadable.AppendInlineText(sb, child);
        }
    }
}
