namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>A body a webhook token brought, remembered until the token expires (see <see cref="WebhookTokenUses"/>).</summary>
public sealed class WebhookTokenUse
{
    /// <summary>SHA-256 (hex) of the token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    /// <summary>SHA-256 (hex) of the body it came with: the same token with the same body again is a repeat of the delivery.</summary>
    public required string BodyHash { get; set; }

    public DateTime ExpiresAt { get; set; }
}
