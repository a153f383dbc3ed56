using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// An allow-list sanitizer for showing Zoho HTML in our pages. The HTML is parsed like a browser would and a new
/// document is written from the tree: only listed tags survive (others are unwrapped, keeping their text), only
/// listed attributes survive (link targets and image sources checked for http/https/mailto), and scripts, styles,
/// frames, embeds, SVG/MathML and form controls are dropped with their content. Event handlers, <c>style</c> and
/// <c>class</c> attributes never pass.
/// </summary>
public static class SafeHtml
{
    private static readonly Dictionary<string, string> AllowedTags = new(StringComparer.Ordinal)
    {
        ["p"] = "p", ["div"] = "div", ["span"] = "span", ["br"] = "br", ["hr"] = "hr",
        ["b"] = "b", ["strong"] = "strong", ["i"] = "i", ["em"] = "em", ["u"] = "u", ["s"] = "s",
        ["strike"] = "s", ["del"] = "del", ["ins"] = "ins", ["sub"] = "sub", ["sup"] = "sup",
        ["code"] = "code", ["pre"] = "pre", ["kbd"] = "kbd", ["samp"] = "samp", ["tt"] = "code",
        ["blockquote"] = "blockquote", ["h1"] = "h1", ["h2"] = "h2", ["h3"] = "h3", ["h4"] = "h4", ["h5"] = "h5",
        ["h6"] = "h6", ["ul"] = "ul", ["ol"] = "ol", ["li"] = "li", ["dl"] = "dl", ["dt"] = "dt", ["dd"] = "dd",
        ["table"] = "table", ["thead"] = "thead", ["tbody"] = "tbody", ["tfoot"] = "tfoot", ["tr"] = "tr",
        ["th"] = "th", ["td"] = "td", ["caption"] = "caption", ["a"] = "a", ["img"] = "img", ["small"] = "small",
        ["big"] = "big", ["mark"] = "mark", ["abbr"] = "abbr", ["q"] = "q", ["cite"] = "cite", ["font"] = "span",
        ["center"] = "div", ["section"] = "div", ["article"] = "div", ["header"] = "div", ["footer"] = "div",
        ["figure"] = "div", ["figcaption"] = "div", ["address"] = "div",
    };

    private static readonly HashSet<string> VoidTags = new(StringComparer.Ordinal) { "br", "hr", "img" };

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
        var sb = new StringBuilder(html.Length);
        if (document.Body is not null)
        {
            WriteChildren(document.Body, sb, baseUrl);
        }

        return sb.ToString();
    }

    /// <summary>Deeper markup is written as its text only (keeps recursion bounded for hostile input).</summary>
    private const int MaxDepth = 64;

    private static void WriteChildren(INode parent, StringBuilder sb, Uri? baseUrl, int depth = 0)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AdfHtml.AppendEncoded(sb, text.Data);
                    break;
                case IElement element:
                    WriteElement(element, sb, baseUrl, depth + 1);
                    break;
            }
        }
    }

    private static void WriteElement(IElement element, StringBuilder sb, Uri? baseUrl, int depth)
    {
        var name = element.LocalName.ToLowerInvariant();
        if (AdfHtml.DroppedElements.Contains(name) || (element.NamespaceUri is not null && element.NamespaceUri != NamespaceNames.HtmlUri))
        {
            return;
        }

        if (depth > MaxDepth)
        {
            AdfHtml.AppendEncoded(sb, AdfHtml.VisibleText(element));
            return;
        }

        if (!AllowedTags.TryGetValue(name, out var tag))
        {
            WriteChildren(element, sb, baseUrl, depth);
            return;
        }

        sb.Append('<').Append(tag);
        switch (name)
        {
            case "a":
                if (AdfUrl.TryGetSafeHref(Resolve(element.GetAttribute("href"), baseUrl), out var href))
                {
                    WriteAttribute(sb, "href", href);
                    WriteAttribute(sb, "rel", "noopener noreferrer nofollow");
                    WriteAttribute(sb, "target", "_blank");
                }

                WriteTextAttribute(element, sb, "title");
                break;
            case "img":
                if (!AdfUrl.TryGetSafeWebUrl(Resolve(element.GetAttribute("src"), baseUrl), out var src))
                {
                    // An image we cannot show safely becomes its description.
                    sb.Length -= tag.Length + 1;
                    var alt = element.GetAttribute("alt")?.Trim();
                    AdfHtml.AppendEncoded(sb, string.IsNullOrEmpty(alt) ? "[image]" : $"[image: {alt}]");
                    return;
                }

                WriteAttribute(sb, "src", src);
                WriteTextAttribute(element, sb, "alt");
                WriteTextAttribute(element, sb, "title");
                WriteNumberAttribute(element, sb, "width");
                WriteNumberAttribute(element, sb, "height");
                break;
            case "td" or "th":
                WriteNumberAttribute(element, sb, "colspan");
                WriteNumberAttribute(element, sb, "rowspan");
                break;
            case "ol":
                WriteNumberAttribute(element, sb, "start");
                break;
            case "abbr":
                WriteTextAttribute(element, sb, "title");
                break;
        }

        sb.Append('>');
        if (VoidTags.Contains(tag))
        {
            return;
        }

        WriteChildren(element, sb, baseUrl, depth);
        sb.Append("</").Append(tag).Append('>');
    }

    private static string? Resolve(string? url, Uri? baseUrl)
    {
        if (baseUrl is null || string.IsNullOrWhiteSpace(url) || !baseUrl.IsAbsoluteUri)
        {
            return url;
        }

        var trimmed = url.Trim();

        // Only site-relative and path-relative references are resolved; anything with a scheme is left as it is
        // and checked as it is.
        if (trimmed.Contains(':', StringComparison.Ordinal) && !trimmed.StartsWith('/'))
        {
            return url;
        }

        return Uri.TryCreate(baseUrl, trimmed, out var resolved) ? resolved.AbsoluteUri : url;
    }

    private static void WriteTextAttribute(IElement element, StringBuilder sb, string name)
    {
        var value = element.GetAttribute(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            WriteAttribute(sb, name, value.Trim());
        }
    }

    private static void WriteNumberAttribute(IElement element, StringBuilder sb, string name)
    {
        var value = element.GetAttribute(name)?.Trim();
        if (!string.IsNullOrEmpty(value) && value.Length <= 4 && value.All(char.IsAsciiDigit))
        {
            WriteAttribute(sb, name, value);
        }
    }

    private static void WriteAttribute(StringBuilder sb, string name, string value)
    {
        sb.Append(' ').Append(name).Append("=\"");
        AdfHtml.AppendEncoded(sb, value);
        sb.Append('"');
    }
}
