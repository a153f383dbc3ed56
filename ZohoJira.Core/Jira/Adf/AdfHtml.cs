using System.Text;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>HTML encoding for text and attribute values written by our own HTML emitters.</summary>
internal static class AdfHtml
{
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

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEncoded(sb, text);
        return sb.ToString();
    }
}
