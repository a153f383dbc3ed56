namespace ZohoJira.Core.Common;

/// <summary>The <c>App</c> section: how vendors reach this instance.</summary>
public sealed class AppUrlOptions
{
    public const string SectionName = "App";

    /// <summary>The public base URL of this instance (e.g. https://zohojira.example.com), used in webhook URLs that Zoho
    /// Desk and Jira call and in links placed in the vendors' records. Empty: the first address the server listens on.</summary>
    public string? PublicBaseUrl { get; set; }
}
