using System.Text;
using AngleSharp.Dom;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>HTML encoding for text and attribute values written by our own HTML emitters.</summary>
internal static class AdfHtml
{
    /// <summary>Elements dropped together with everything inside them: active content, embeds, metadata, forms.</summary>
    public static readonly HashSet<string> DroppedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "template", "head", "title", "meta", "link", "base", "svg", "math", "canvas", "audio", "video",
        "source", "track", "param", "input", "select", "option", "optgroup", "datalist", "textarea", "button",
        "map", "area", "dialog", "portal", "slot",
    };

    public static void AppendEncoded(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': break;
                default: sb.Append(c); break;
            }
        }
    }

    /// <summary>
    /// The text a reader would see in an element, skipping <see cref="DroppedElements"/>; iterative, so it is safe
    /// on arbitrarily deep trees.
    /// </summary>
    public static string VisibleText(INode root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                sb.Append(text.Data);
                continue;
            }

            if (node is IElement element && DroppedElements.Contains(element.LocalName.ToLowerInvariant()))
            {
                continue;
            }

            if (node is IElement { LocalName: "br" })
            {
                sb.Append(' ');
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }

        return sb.ToString();
    }

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEncoded(sb, text);
        return sb.ToString();
    }
}
