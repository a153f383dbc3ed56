using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// Makes Zoho and Jira HTML safe to show in our pages, using HtmlSanitizer with a strict allow-list: only listed tags
/// survive (others are unwrapped, keeping their text), only listed attributes survive, links and image sources must be
/// http/https (links also mailto), and no <c>style</c> or <c>class</c> passes. Before the sanitizer runs, scripts,
/// styles, frames, embeds, SVG/MathML and form controls are dropped with their content, a few legacy tags are renamed
/// to their modern equivalents, and markup nested deeper than a fixed limit is flattened to its text (keeps hostile
/// input from exhausting the stack). After it runs, links get <c>rel</c>/<c>target</c>, images without a safe source
/// become their description, and numeric attributes must be numbers.
/// </summary>
public static class SafeHtml
{
    /// <summary>Deeper markup is written as its text only (keeps recursion bounded for hostile input).</summary>
    private const int MaxDepth = 64;

    /// <summary>Which attributes each allowed tag may keep; a tag not listed here keeps none.</summary>
    private static readonly Dictionary<string, string[]> AttributesByTag = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "title"],
        ["img"] = ["src", "alt", "title", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["ol"] = ["start"],
        ["abbr"] = ["title"],
    };

    private static readonly HashSet<string> NumberAttributes = new(StringComparer.Ordinal) { "width", "height", "colspan", "rowspan", "start" };

    /// <summary>Legacy or layout-only tags written as a tag the allow-list has.</summary>
    private static readonly Dictionary<string, string> RenamedTags = new(StringComparer.Ordinal)
    {
        ["strike"] = "s",
        ["tt"] = "code",
        ["font"] = "span",
        ["center"] = "div",
        ["section"] = "div",
        ["article"] = "div",
        ["header"] = "div",
        ["footer"] = "div",
        ["figure"] = "div",
        ["figcaption"] = "div",
        ["address"] = "div",
    };

    private static readonly string[] AllowedTags =
    [
        "p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "sub", "sup", "code", "pre",
        "kbd", "samp", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "small", "big", "mark", "abbr", "q", "cite",
    ];

    // The sanitizer holds configuration only (each call parses into its own document) and its handlers keep no state,
    // so one instance serves every thread.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Returns HTML that keeps the allowed formatting of <paramref name="html"/> and nothing active.</summary>
    public static string Sanitize(string? html) => Sanitize(html, null);

    /// <summary>
    /// As <see cref="Sanitize(string?)"/>, resolving relative link and image addresses against
    /// <paramref name="baseUrl"/> first (Jira's rendered HTML uses site-relative URLs such as
    /// <c>/secure/attachment/…</c>). The resolved address must still be http, https or mailto.
    /// </summary>
    public static string Sanitize(string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        if (document.Body is not { } body)
        {
            return string.Empty;
        }

        Prepare(document, body);
        Sanitizer.SanitizeDom(document, body, baseUrl is { IsAbsoluteUri: true } ? baseUrl.AbsoluteUri : string.Empty);
        return body.ChildNodes.ToHtml(EncodingFormatter.Instance);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AttributesByTag.Values.SelectMany(a => a), StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            KeepChildNodes = true,
        };

        // The product's one rule for link targets decides, after the sanitizer has resolved relative addresses.
        sanitizer.FilterUrl += (_, e) =>
        {
            var isImage = string.Equals(e.Tag.LocalName, "img", StringComparison.OrdinalIgnoreCase);
            e.SanitizedUrl = (isImage ? AdfUrl.TryGetSafeWebUrl(e.SanitizedUrl, out var url) : AdfUrl.TryGetSafeHref(e.SanitizedUrl, out url))
                ? url
                : null;
        };
        sanitizer.PostProcessNode += (_, e) => Finish(e);
        return sanitizer;
    }

    /// <summary>Drops active content, renames legacy tags and flattens too-deep markup, without recursion.</summary>
    private static void Prepare(IHtmlDocument document, IElement body)
    {
        var stack = new Stack<(IElement Element, int Depth)>();
        PushChildren(stack, body, 0);
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            var name = element.LocalName.ToLowerInvariant();
            if (AdfHtml.DroppedElements.Contains(name) || element.NamespaceUri != NamespaceNames.HtmlUri)
            {
                element.Remove();
                continue;
            }

            if (depth > MaxDepth)
            {
                element.Replace(document.CreateTextNode(AdfHtml.VisibleText(element)));
                continue;
            }

            var current = element;
            if (RenamedTags.TryGetValue(name, out var renamed))
            {
                current = document.CreateElement(renamed);
                foreach (var attribute in element.Attributes.ToList())
                {
                    current.SetAttribute(attribute.Name, attribute.Value);
                }

                current.Append([.. element.ChildNodes]);
                element.Replace(current);
            }

            PushChildren(stack, current, depth);
        }
    }

    private static void PushChildren(Stack<(IElement, int)> stack, IElement parent, int depth)
    {
        for (var i = parent.Children.Length - 1; i >= 0; i--)
        {
            stack.Push((parent.Children[i], depth + 1));
        }
    }

    /// <summary>Per-tag rules the sanitizer's global allow-list cannot express.</summary>
    private static void Finish(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        var name = element.LocalName;
        var allowed = AttributesByTag.GetValueOrDefault(name) ?? [];
        foreach (var attribute in element.Attributes.ToList())
        {
            var value = attribute.Value.Trim();
            var keep = allowed.Contains(attribute.Name, StringComparer.Ordinal) && value.Length > 0
                && (!NumberAttributes.Contains(attribute.Name) || (value.Length <= 4 && value.All(char.IsAsciiDigit)));
            if (keep)
            {
                element.SetAttribute(attribute.Name, value);
            }
            else
            {
                element.RemoveAttribute(attribute.Name);
            }
        }

        switch (name)
        {
            case "a" when element.HasAttribute("href"):
                element.SetAttribute("rel", "noopener noreferrer nofollow");
                element.SetAttribute("target", "_blank");
                break;
            case "img" when !element.HasAttribute("src"):
                // An image we cannot show safely becomes its description.
                var alt = element.GetAttribute("alt")?.Trim();
                e.ReplacementNodes.Add(e.Document.CreateTextNode(string.IsNullOrEmpty(alt) ? "[image]" : $"[image: {alt}]"));
                break;
        }
    }

    /// <summary>Writes HTML like AngleSharp's formatter, but encodes quotes in text and angle brackets in attribute
    /// values too, so the output is safe wherever it is pasted.</summary>
    private sealed class EncodingFormatter : IMarkupFormatter
    {
        public static readonly EncodingFormatter Instance = new();

        public string Text(ICharacterData text) => AdfHtml.Encode(text.Data);

        public string LiteralText(ICharacterData text) => AdfHtml.Encode(text.Data);

        public string Comment(IComment comment) => string.Empty;

        public string Processing(IProcessingInstruction processing) => string.Empty;

        public string Doctype(IDocumentType doctype) => string.Empty;

        public string OpenTag(IElement element, bool selfClosing)
        {
            var sb = new StringBuilder().Append('<').Append(element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                sb.Append(' ').Append(attribute.Name).Append("=\"");
                AdfHtml.AppendEncoded(sb, attribute.Value);
                sb.Append('"');
            }

            return sb.Append('>').ToString();
        }

        public string CloseTag(IElement element, bool selfClosing) =>
            HtmlMarkupFormatter.Instance.CloseTag(element, selfClosing);
    }
}
