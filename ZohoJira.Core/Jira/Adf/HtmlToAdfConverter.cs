using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// Converts Zoho Desk HTML (ticket descriptions, threads, comments) into an Atlassian Document Format document for
/// Jira REST v3. Only a safe subset survives: text, a fixed set of marks, links to http/https/mailto and the block
/// structure Jira understands. Scripts, styles, embedded frames, event handlers and every other attribute (apart
/// from checked link targets, list starts, table spans and code languages) are dropped, because the output is
/// built from scratch rather than copied from the input.
/// </summary>
/// <remarks>
/// Zoho's editor writes one <c>&lt;div&gt;</c> per line and <c>&lt;div&gt;&lt;br&gt;&lt;/div&gt;</c> for a blank
/// line. Each div becomes its own paragraph and blank ones are dropped: Jira already separates paragraphs visually,
/// so the spacing the blank line stood for is kept without empty paragraphs.
/// </remarks>
public sealed class HtmlToAdfConverter
{
    /// <summary>Deeper HTML is read as plain text (keeps recursion bounded for hostile input).</summary>
    private const int MaxElementDepth = 64;

    /// <summary>
    /// Deeper lists become paragraphs in the deepest item. Each list level adds four levels of JSON nesting, and
    /// System.Text.Json refuses to write or read documents deeper than 64 levels by default.
    /// </summary>
    private const int MaxListDepth = 8;

    private static readonly HashSet<string> BlockContainers = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "address", "center",
        "figure", "figcaption", "details", "summary", "form", "fieldset", "legend", "dl", "dt", "dd", "li", "hgroup",
        "body", "html", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "search", "xmp", "listing",
        "plaintext",
    };

    /// <summary>Converts HTML to an ADF document (<c>{"type":"doc","version":1,"content":[…]}</c>); never null.</summary>
    public JsonObject Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return AdfNodes.Doc();
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        if (document.Body is null)
        {
            return AdfNodes.Doc();
        }

        var builder = new BlockBuilder();
        builder.WalkChildren(document.Body, default);
        return AdfNodes.Doc(builder.Finish());
    }

    /// <summary>Which block nodes a container accepts; anything else is degraded (see <see cref="FitBlocks"/>).</summary>
    private enum Container
    {
        Document,
        ListItem,
        Quote,
        Cell,
    }

    private static bool Allows(Container container, string type) => container switch
    {
        Container.Document => true,
        Container.ListItem or Container.Quote => type is "paragraph" or "bulletList" or "orderedList" or "codeBlock",
        Container.Cell => type is "paragraph" or "heading" or "bulletList" or "orderedList" or "codeBlock"
            or "blockquote" or "rule",
        _ => false,
    };

    /// <summary>
    /// Makes a list of blocks acceptable inside <paramref name="container"/>: headings become paragraphs, quotes
    /// are unwrapped, tables become one paragraph per row ("a | b"), rules are dropped.
    /// </summary>
    private static List<JsonObject> FitBlocks(IEnumerable<JsonObject> blocks, Container container)
    {
        var result = new List<JsonObject>();
        foreach (var block in blocks)
        {
            var type = AdfNodes.TypeOf(block) ?? string.Empty;
            if (Allows(container, type))
            {
                result.Add(block);
                continue;
            }

            switch (type)
            {
                case "blockquote":
                    result.AddRange(FitBlocks(AdfNodes.Children(block).Select(c => (JsonObject)c.DeepClone()), container));
                    break;
                case "table":
                    foreach (var row in AdfNodes.Children(block))
                    {
                        var inline = new List<JsonObject>();
                        foreach (var cell in AdfNodes.Children(row))
                        {
                            var cellInline = FlattenToInline(AdfNodes.Children(cell));
                            if (cellInline.Count == 0)
                            {
                                continue;
                            }

                            if (inline.Count > 0)
                            {
                                inline.Add(AdfNodes.Text(" | "));
                            }

                            inline.AddRange(cellInline);
                        }

                        if (inline.Count > 0)
                        {
                            result.Add(AdfNodes.Paragraph(inline));
                        }
                    }

                    break;
                case "rule":
                    break;
                default:
                    var flat = FlattenToInline([block]);
                    if (flat.Count > 0)
                    {
                        result.Add(AdfNodes.Paragraph(flat));
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>Inline content of blocks, joined by hard breaks (used for headings and degraded blocks).</summary>
    private static List<JsonObject> FlattenToInline(IEnumerable<JsonObject> blocks)
    {
        var result = new List<JsonObject>();
        foreach (var block in blocks)
        {
            List<JsonObject> part;
            switch (AdfNodes.TypeOf(block))
            {
                case "paragraph":
                case "heading":
                    part = AdfNodes.Children(block).Select(c => (JsonObject)c.DeepClone()).ToList();
                    break;
                case "codeBlock":
                    part = [];
                    var code = string.Concat(AdfNodes.Children(block).Select(c => AdfNodes.GetString(c, "text")));
                    var lines = code.Split('\n');
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (i > 0)
                        {
                            part.Add(AdfNodes.HardBreak());
                        }

                        if (lines[i].Length > 0)
                        {
                            part.Add(AdfNodes.Text(lines[i], [new JsonObject { ["type"] = "code" }]));
                        }
                    }

                    break;
                case "table":
                    part = FlattenToInline(FitBlocks([block], Container.ListItem));
                    break;
                case "rule":
                    part = [];
                    break;
                default:
                    part = FlattenToInline(AdfNodes.Children(block));
                    break;
            }

            if (part.Count == 0)
            {
                continue;
            }

            if (result.Count > 0)
            {
                result.Add(AdfNodes.HardBreak());
            }

            result.AddRange(part);
        }

        return result;
    }

    /// <summary>The marks in effect at a point of the HTML tree; a value type so equal runs merge.</summary>
    private readonly record struct MarkState(
        bool Strong, bool Em, bool Underline, bool Strike, bool Code, string? SubSup, string? Href, string? Title)
    {
        /// <summary>
        /// ADF marks in a stable order. In ADF the <c>code</c> mark only combines with <c>link</c>, so other
        /// formatting is dropped from code spans.
        /// </summary>
        public JsonArray? ToJson()
        {
            var marks = new JsonArray();
            if (Href is not null)
            {
                var attrs = new JsonObject { ["href"] = Href };
                if (!string.IsNullOrWhiteSpace(Title))
                {
                    attrs["title"] = Title;
                }

                marks.Add(new JsonObject { ["type"] = "link", ["attrs"] = attrs });
            }

            if (Code)
            {
                marks.Add(new JsonObject { ["type"] = "code" });
                return marks;
            }

            if (Strong)
            {
                marks.Add(new JsonObject { ["type"] = "strong" });
            }

            if (Em)
            {
                marks.Add(new JsonObject { ["type"] = "em" });
            }

            if (Underline)
            {
                marks.Add(new JsonObject { ["type"] = "underline" });
            }

            if (Strike)
            {
                marks.Add(new JsonObject { ["type"] = "strike" });
            }

            if (SubSup is not null)
            {
                marks.Add(new JsonObject { ["type"] = "subsup", ["attrs"] = new JsonObject { ["type"] = SubSup } });
            }

            return marks.Count == 0 ? null : marks;
        }
    }

    /// <summary>
    /// Inline content being gathered for one paragraph, heading or similar. Whitespace collapses the way browsers
    /// render it: runs of spaces, tabs and newlines become one space, leading spaces of a line are dropped, and
    /// trailing spaces before a line end are trimmed. Non-breaking spaces are kept.
    /// </summary>
    private sealed class InlineRun
    {
        private readonly List<Piece> _pieces = [];
        private bool _lastWasSpace = true;

        public void AppendText(string raw, MarkState marks)
        {
            var sb = new StringBuilder(raw.Length);
            foreach (var c in raw)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (!_lastWasSpace)
                    {
                        sb.Append(' ');
                        _lastWasSpace = true;
                    }
                }
                else if (char.IsControl(c) || c is '\u200B' or '\uFEFF')
                {
                    // Control characters, zero-width spaces and byte-order marks are not visible text.
                }
                else
                {
                    sb.Append(c);
                    _lastWasSpace = false;
                }
            }

            if (sb.Length == 0)
            {
                return;
            }

            if (_pieces.Count > 0 && _pieces[^1] is { IsBreak: false } last && last.Marks == marks)
            {
                last.Text.Append(sb);
            }
            else
            {
                _pieces.Add(new Piece(false, sb, marks));
            }
        }

        public void AddHardBreak()
        {
            TrimTrailing();
            _pieces.Add(new Piece(true, new StringBuilder(), default));
            _lastWasSpace = true;
        }

        /// <summary>Returns the ADF inline nodes and resets; empty when the run holds only whitespace and breaks.</summary>
        public List<JsonObject> Take()
        {
            TrimTrailing();
            var pieces = _pieces.ToList();
            _pieces.Clear();
            _lastWasSpace = true;

            while (pieces.Count > 0 && pieces[^1].IsBreak)
            {
                pieces.RemoveAt(pieces.Count - 1);
            }

            while (pieces.Count > 0 && pieces[0].IsBreak)
            {
                pieces.RemoveAt(0);
            }

            if (!pieces.Any(p => !p.IsBreak && p.Text.ToString().Any(c => !char.IsWhiteSpace(c))))
            {
                return [];
            }

            var result = new List<JsonObject>();
            foreach (var piece in pieces)
            {
                if (piece.IsBreak)
                {
                    result.Add(AdfNodes.HardBreak());
                }
                else if (piece.Text.Length > 0)
                {
                    result.Add(AdfNodes.Text(piece.Text.ToString(), piece.Marks.ToJson()));
                }
            }

            return result;
        }

        private void TrimTrailing()
        {
            while (_pieces.Count > 0 && _pieces[^1] is { IsBreak: false } last)
            {
                var text = last.Text;
                while (text.Length > 0 && text[^1] == ' ')
                {
                    text.Length--;
                }

                if (text.Length > 0)
                {
                    break;
                }

                _pieces.RemoveAt(_pieces.Count - 1);
            }
        }

        private sealed record Piece(bool IsBreak, StringBuilder Text, MarkState Marks);
    }

    /// <summary>Walks HTML nodes and emits ADF blocks; inline content accumulates until a block boundary.</summary>
    private sealed class BlockBuilder(int depth = 0, int listDepth = 0)
    {
        private readonly List<JsonObject> _blocks = [];
        private readonly InlineRun _run = new();
        private int _depth = depth;

        public List<JsonObject> Finish()
        {
            Flush();
            return _blocks;
        }

        public void WalkChildren(INode parent, MarkState marks)
        {
            foreach (var child in parent.ChildNodes)
            {
                Walk(child, marks);
            }
        }

        private void Flush()
        {
            var inline = _run.Take();
            if (inline.Count > 0)
            {
                _blocks.Add(AdfNodes.Paragraph(inline));
            }
        }

        private void Walk(INode node, MarkState marks)
        {
            if (node is IText text)
            {
                _run.AppendText(text.Data, marks);
                return;
            }

            if (node is not IElement element || AdfHtml.DroppedElements.Contains(element.LocalName.ToLowerInvariant()))
            {
                return;
            }

            if (_depth >= MaxElementDepth)
            {
                _run.AppendText(AdfHtml.VisibleText(element), marks);
                return;
            }

            _depth++;
            try
            {
                WalkElement(element, marks);
            }
            finally
            {
                _depth--;
            }
        }

        private void WalkElement(IElement element, MarkState marks)
        {
            var name = element.LocalName.ToLowerInvariant();

            marks = ApplyStyle(element, marks);
            switch (name)
            {
                case "br":
                    _run.AddHardBreak();
                    return;
                case "hr":
                    Flush();
                    _blocks.Add(AdfNodes.Node("rule"));
                    return;
                case "img":
                    AppendImage(element, marks);
                    return;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush();
                    AddHeading(element, name[1] - '0', marks);
                    return;
                case "ul" or "ol" or "menu" or "dir":
                    Flush();
                    _blocks.AddRange(BuildList(element, name == "ol", marks));

                    return;
                case "blockquote":
                    Flush();
                    AddQuote(element, marks);
                    return;
                case "pre":
                    Flush();
                    AddCodeBlock(element);
                    return;
                case "table":
                    Flush();
                    AddTable(element, marks);
                    return;
                case "a":
                    WalkLink(element, marks);
                    return;
                case "b" or "strong":
                    WalkChildren(element, marks with { Strong = true });
                    return;
                case "i" or "em" or "cite" or "dfn" or "var":
                    WalkChildren(element, marks with { Em = true });
                    return;
                case "u" or "ins":
                    WalkChildren(element, marks with { Underline = true });
                    return;
                case "s" or "strike" or "del":
                    WalkChildren(element, marks with { Strike = true });
                    return;
                case "code" or "kbd" or "samp" or "tt":
                    WalkChildren(element, marks with { Code = true });
                    return;
                case "sub":
                    WalkChildren(element, marks with { SubSup = "sub" });
                    return;
                case "sup":
                    WalkChildren(element, marks with { SubSup = "sup" });
                    return;
            }

            if (BlockContainers.Contains(name))
            {
                Flush();
                WalkChildren(element, marks);
                Flush();
                return;
            }

            // span, font, label, mark, small, abbr and unknown elements: their content, in the current flow.
            WalkChildren(element, marks);
        }

        private static MarkState ApplyStyle(IElement element, MarkState marks)
        {
            var style = element.GetAttribute("style");
            if (string.IsNullOrWhiteSpace(style))
            {
                return marks;
            }

            foreach (var declaration in style.Split(';'))
            {
                var colon = declaration.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var property = declaration[..colon].Trim().ToLowerInvariant();
                var value = declaration[(colon + 1)..].Trim().ToLowerInvariant();
                switch (property)
                {
                    case "font-weight" when value is "bold" or "bolder" or "600" or "700" or "800" or "900":
                        marks = marks with { Strong = true };
                        break;
                    case "font-style" when value.StartsWith("italic", StringComparison.Ordinal)
                        || value.StartsWith("oblique", StringComparison.Ordinal):
                        marks = marks with { Em = true };
                        break;
                    case "text-decoration" or "text-decoration-line":
                        if (value.Contains("underline", StringComparison.Ordinal))
                        {
                            marks = marks with { Underline = true };
                        }

                        if (value.Contains("line-through", StringComparison.Ordinal))
                        {
                            marks = marks with { Strike = true };
                        }

                        break;
                }
            }

            return marks;
        }

        private void WalkLink(IElement element, MarkState marks)
        {
            if (marks.Href is not null || !AdfUrl.TryGetSafeHref(element.GetAttribute("href"), out var href))
            {
                // Unsafe or nested links keep their text without a link.
                WalkChildren(element, marks);
                return;
            }

            var title = element.GetAttribute("title")?.Trim();
            var linked = marks with { Href = href, Title = string.IsNullOrEmpty(title) ? null : title };
            var hasVisibleContent = !string.IsNullOrWhiteSpace(element.TextContent)
                || element.QuerySelector("img") is not null;
            if (hasVisibleContent)
            {
                WalkChildren(element, linked);
            }
            else
            {
                _run.AppendText(href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href, linked);
            }
        }

        private void AppendImage(IElement element, MarkState marks)
        {
            var src = element.GetAttribute("src");
            var alt = element.GetAttribute("alt")?.Trim();
            var name = !string.IsNullOrEmpty(alt) ? alt : AdfUrl.FileNameOf(src) ?? "image";
            if (marks.Href is null && AdfUrl.TryGetSafeWebUrl(src, out var href))
            {
                marks = marks with { Href = href, Title = null };
            }

            _run.AppendText($"[image: {name}]", marks);
        }

        private void AddHeading(IElement element, int level, MarkState marks)
        {
            var inner = new BlockBuilder(_depth, listDepth);
            inner.WalkChildren(element, marks);
            var inline = FlattenToInline(inner.Finish());
            if (inline.Count > 0)
            {
                _blocks.Add(AdfNodes.Node("heading", inline, new JsonObject { ["level"] = level }));
            }
        }

        private void AddQuote(IElement element, MarkState marks)
        {
            var inner = new BlockBuilder(_depth, listDepth);
            inner.WalkChildren(element, marks);
            var blocks = FitBlocks(inner.Finish(), Container.Quote);
            if (blocks.Count > 0)
            {
                _blocks.Add(AdfNodes.Node("blockquote", blocks));
            }
        }

        private void AddCodeBlock(IElement element)
        {
            var sb = new StringBuilder();
            AppendPreText(element, sb);
            var code = sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');
            if (code.StartsWith('\n'))
            {
                code = code[1..];
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return;
            }

            var attrs = new JsonObject();
            var language = LanguageOf(element) ?? element.Children.Select(LanguageOf).FirstOrDefault(l => l is not null);
            if (language is not null)
            {
                attrs["language"] = language;
            }

            _blocks.Add(AdfNodes.Node("codeBlock", [AdfNodes.Text(code)], attrs));
        }

        private static void AppendPreText(INode node, StringBuilder sb)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    sb.Append(text.Data.Replace("\0", string.Empty, StringComparison.Ordinal));
                }
                else if (child is IElement element)
                {
                    var name = element.LocalName.ToLowerInvariant();
                    if (AdfHtml.DroppedElements.Contains(name))
                    {
                        continue;
                    }

                    if (name == "br")
                    {
                        sb.Append('\n');
                        continue;
                    }

                    var isBlock = BlockContainers.Contains(name);
                    if (isBlock && sb.Length > 0 && sb[^1] != '\n')
                    {
                        sb.Append('\n');
                    }

                    AppendPreText(element, sb);
                    if (isBlock && sb.Length > 0 && sb[^1] != '\n')
                    {
                        sb.Append('\n');
                    }
                }
            }
        }

        private static string? LanguageOf(IElement element)
        {
            foreach (var cls in element.ClassList)
            {
                foreach (var prefix in (string[])["language-", "lang-"])
                {
                    if (cls.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && cls.Length > prefix.Length)
                    {
                        var language = cls[prefix.Length..].ToLowerInvariant();
                        if (language.Length <= 40 && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '-' or '_' or '.'))
                        {
                            return language;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>The list as one ADF list node, or (beyond <see cref="MaxListDepth"/>) as paragraphs.</summary>
        private List<JsonObject> BuildList(IElement element, bool ordered, MarkState marks)
        {
            var items = new List<JsonObject>();
            BlockBuilder? loose = null;

            void FlushLoose()
            {
                if (loose is null)
                {
                    return;
                }

                var item = MakeListItem(loose.Finish());
                if (item is not null)
                {
                    items.Add(item);
                }

                loose = null;
            }

            foreach (var child in element.ChildNodes)
            {
                if (child is IElement { LocalName: "li" } li)
                {
                    FlushLoose();
                    var inner = new BlockBuilder(_depth, listDepth + 1);
                    inner.WalkChildren(li, ApplyStyle(li, marks));
                    var item = MakeListItem(inner.Finish());
                    if (item is not null)
                    {
                        items.Add(item);
                    }
                }
                else if (child is IElement { LocalName: "ul" or "ol" } nested && loose is null && items.Count > 0)
                {
                    // <ul><li>a</li><ul><li>b</li></ul></ul>: the nested list belongs to the previous item.
                    var nestedBuilder = new BlockBuilder(_depth, listDepth + 1);
                    foreach (var block in nestedBuilder.BuildList(nested, nested.LocalName == "ol", marks))
                    {
                        AdfNodes.Content(items[^1])!.Add(block);
                    }
                }
                else
                {
                    loose ??= new BlockBuilder(_depth, listDepth + 1);
                    loose.Walk(child, marks);
                }
            }

            FlushLoose();
            if (items.Count == 0)
            {
                return [];
            }

            if (listDepth >= MaxListDepth)
            {
                return items.Select(item => AdfNodes.Paragraph(FlattenToInline(AdfNodes.Children(item))))
                    .Where(p => AdfNodes.Content(p)!.Count > 0)
                    .ToList();
            }

            var attrs = new JsonObject();
            if (ordered
                && int.TryParse(element.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                && start is >= 0 and not 1)
            {
                attrs["order"] = start;
            }

            return [AdfNodes.Node(ordered ? "orderedList" : "bulletList", items, attrs)];
        }

        private static JsonObject? MakeListItem(List<JsonObject> blocks)
        {
            var fitted = FitBlocks(blocks, Container.ListItem);
            if (fitted.Count == 0)
            {
                return null;
            }

            if (AdfNodes.TypeOf(fitted[0]) != "paragraph")
            {
                // ADF list items start with a paragraph; an item that is only a nested list gets an empty one.
                fitted.Insert(0, AdfNodes.Paragraph());
            }

            return AdfNodes.Node("listItem", fitted);
        }

        private void AddTable(IElement element, MarkState marks)
        {
            if (element is not IHtmlTableElement table)
            {
                WalkChildren(element, marks);
                return;
            }

            if (table.Caption is { } caption)
            {
                var captionBuilder = new BlockBuilder(_depth, listDepth);
                captionBuilder.WalkChildren(caption, marks);
                var captionInline = FlattenToInline(captionBuilder.Finish());
                if (captionInline.Count > 0)
                {
                    _blocks.Add(AdfNodes.Paragraph(captionInline));
                }
            }

            var rows = new List<JsonObject>();
            foreach (var row in table.Rows)
            {
                var cells = new List<JsonObject>();
                foreach (var cell in row.Cells)
                {
                    var inner = new BlockBuilder(_depth, listDepth);
                    inner.WalkChildren(cell, ApplyStyle(cell, marks));
                    var blocks = FitBlocks(inner.Finish(), Container.Cell);
                    if (blocks.Count == 0)
                    {
                        blocks.Add(AdfNodes.Paragraph());
                    }

                    var attrs = new JsonObject();
                    if (cell.ColumnSpan is > 1 and <= 1000)
                    {
                        attrs["colspan"] = (int)cell.ColumnSpan;
                    }

                    if (cell.RowSpan is > 1 and <= 1000)
                    {
                        attrs["rowspan"] = (int)cell.RowSpan;
                    }

                    var type = cell.LocalName == "th" ? "tableHeader" : "tableCell";
                    cells.Add(AdfNodes.Node(type, blocks, attrs));
                }

                if (cells.Count > 0)
                {
                    rows.Add(AdfNodes.Node("tableRow", cells));
                }
            }

            if (rows.Count > 0)
            {
                _blocks.Add(AdfNodes.Node("table", rows));
            }
        }
    }
}
