namespace ZohoJira.Core.Connections;

/// <summary>The connection to one Jira Cloud site through a service account. Secret properties are encrypted at rest.</summary>
public sealed class JiraConnection
{
    public int Id { get; set; }

    /// <summary>The site root, e.g. https://example.atlassian.net.</summary>
    public required string SiteUrl { get; set; }

    public required string Email { get; set; }

    public string? ApiToken { get; set; }

    /// <summary>The account the connector acts as; changes made by it are the connector's own.</summary>
    public string? AccountId { get; set; }

    public string? AccountDisplayName { get; set; }

    public DateTime? ConnectedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Id of the admin webhook registered on the site, when registered.</summary>
    public string? WebhookId { get; set; }

    /// <summary>HMAC secret Jira signs webhook bodies with.</summary>
    public string? WebhookSecret { get; set; }

    public string? WebhookState { get; set; }

    public DateTime? WebhookRegisteredAt { get; set; }

    /// <summary>The JQL filter the registered webhook carries (the projects Smart Connected Items used then), so a change
    /// of that set is noticed and the webhook registered again.</summary>
    public string? WebhookJql { get; set; }

    /// <summary>The address the registered webhook delivers to, so it can be registered again without a request at hand.</summary>
    public string? WebhookUrl { get; set; }

    public DateTime? LastWebhookEventAt { get; set; }

    public string? LastError { get; set; }
}
