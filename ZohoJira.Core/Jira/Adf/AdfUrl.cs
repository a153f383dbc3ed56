namespace ZohoJira.Core.Jira.Adf;

/// <summary>The one place that decides which link targets may pass between Zoho HTML, ADF and our pages.</summary>
internal static class AdfUrl
{
    /// <summary>
    /// Accepts absolute http, https and mailto URLs only. Control characters and whitespace that browsers would
    /// silently strip (e.g. "java&#9;script:") are removed before the scheme is checked, so they cannot smuggle a
    /// scheme past the check.
    /// </summary>
    public static bool TryGetSafeHref(string? raw, out string href) => TryGet(raw, allowMailto: true, out href);

    /// <summary>Accepts absolute http and https URLs only (image sources, card links).</summary>
    public static bool TryGetSafeWebUrl(string? raw, out string href) => TryGet(raw, allowMailto: false, out href);

    private static bool TryGet(string? raw, bool allowMailto, out string href)
    {
        href = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var cleaned = new string(raw.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (!IsMailto(cleaned))
        {
            cleaned = cleaned.Replace(" ", "%20", StringComparison.Ordinal);
        }

        // Quotes, angle brackets, backticks and backslashes are never valid unescaped in a URL; browsers read a
        // backslash as a slash, so refusing them keeps what we check identical to what a browser would follow.
        if (cleaned.Length == 0 || cleaned.Length > 4000 || cleaned.IndexOfAny(['"', '<', '>', '`', '\\']) >= 0)
        {
            return false;
        }

        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var ok = uri.Scheme == Uri.UriSchemeHttps
            || uri.Scheme == Uri.UriSchemeHttp
            || (allowMailto && uri.Scheme == Uri.UriSchemeMailto);
        if (!ok || !cleaned.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        href = cleaned;
        return true;
    }

    private static bool IsMailto(string value) => value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last path segment of a web URL, for naming an image or file in readable text.</summary>
    public static string? FileNameOf(string? raw)
    {
        if (!TryGetSafeWebUrl(raw, out var href) || !Uri.TryCreate(href, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segment = uri.Segments.Length > 0 ? uri.Segments[^1].Trim('/') : string.Empty;
        var name = Uri.UnescapeDataString(segment).Trim();
        return name.Length == 0 ? null : name;
    }
}
