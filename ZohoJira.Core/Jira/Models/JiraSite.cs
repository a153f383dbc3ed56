namespace ZohoJira.Core.Jira.Models;

/// <summary>One Jira Cloud site and the account the connector uses there (Basic auth: account e-mail + API token).
/// <see cref="ToString"/> never shows the token.</summary>
public sealed class JiraSite
{
    public JiraSite(Uri siteUrl, string email, string apiToken)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        if (!siteUrl.IsAbsoluteUri || (siteUrl.Scheme != Uri.UriSchemeHttps && siteUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The Jira site URL must be an absolute http(s) URL.", nameof(siteUrl));
        }

        // Relative API paths are resolved against the site root, so the root always ends with a slash.
        var text = siteUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        SiteUrl = new Uri(text);
        Email = email.Trim();
        ApiToken = apiToken;
    }

    /// <summary>The site root, always ending with a slash (e.g. https://example.atlassian.net/).</summary>
    public Uri SiteUrl { get; }

    public string Email { get; }

    public string ApiToken { get; }

    public override string ToString() => $"{SiteUrl} as {Email}";
}
