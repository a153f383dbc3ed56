namespace ZohoJira.Core.Connections;

/// <summary>What the admin page shows about the Jira connection. Never carries the API token or the webhook secret.</summary>
public sealed record JiraConnectionStatus(
    string SiteUrl,
    string Email,
    bool HasApiToken,
    string? AccountId,
    string? AccountDisplayName,
    DateTime? ConnectedAt,
    string? WebhookId,
    string? WebhookState,
    DateTime? WebhookRegisteredAt,
    DateTime? LastWebhookEventAt,
    string? LastError)
{
    public bool IsConnected => ConnectedAt is not null && AccountId is not null;
}
