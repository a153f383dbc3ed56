namespace ZohoJira.Core.Connections;

/// <summary>The connection to one Zoho Desk organization through a Zoho "Self Client". Secret properties are encrypted at
/// rest by the persistence layer.</summary>
public sealed class ZohoConnection
{
    public int Id { get; set; }

    /// <summary>Data center code: us, eu, in, au, jp, cn, uk, ca, sa (or sandbox).</summary>
    public required string DataCenter { get; set; }

    public required string ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    public string? AccessToken { get; set; }

    public DateTime? AccessTokenExpiresAt { get; set; }

    /// <summary>The instance refreshing the access token right now (a lease: one instance refreshes for all, the others
    /// wait for the token it stores). Null when nobody is.</summary>
    public string? TokenRefreshOwner { get; set; }

    /// <summary>When <see cref="TokenRefreshOwner"/>'s lease runs out and another instance may take over.</summary>
    public DateTime? TokenRefreshLeaseExpiresAt { get; set; }

    /// <summary>The scopes Zoho granted, space separated.</summary>
    public string? GrantedScopes { get; set; }

    /// <summary>The accounts server that issued the tokens.</summary>
    public string? AccountsServer { get; set; }

    /// <summary>The API domain Zoho returned with the token.</summary>
    public string? ApiDomain { get; set; }

    public string? OrgId { get; set; }

    public string? OrgName { get; set; }

    public DateTime? ConnectedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The last authentication problem (revoked token, invalid client), cleared on reconnect.</summary>
    public string? LastAuthError { get; set; }

    public DateTime? LastAuthErrorAt { get; set; }

    /// <summary>Token for the webhook URL Zoho posts to; part of the URL, so unguessable. Encrypted at rest like the other
    /// secrets; deliveries are matched through <see cref="WebhookUrlTokenHash"/>.</summary>
    public string? WebhookUrlToken { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="WebhookUrlToken"/>: how a delivery finds its connection without decrypting.</summary>
    public string? WebhookUrlTokenHash { get; set; }

    /// <summary>Id of the webhook subscription the connector made in Zoho Desk; deliveries must be signed for it
    /// (JWT audience <c>webhookId:&lt;id&gt;</c>). Null for a subscription an admin made by hand.</summary>
    public string? WebhookId { get; set; }

    public bool IsConnected => RefreshToken is not null && OrgId is not null;
}
