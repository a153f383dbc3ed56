namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>A webhook token that was accepted once, remembered until it expires so a replay is refused.</summary>
public sealed class WebhookTokenUse
{
    /// <summary>SHA-256 (hex) of the token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    /// <summary>SHA-256 (hex) of the body it came with: the same token with the same body is a harmless repeat.</summary>
    public required string BodyHash { get; set; }

    public DateTime ExpiresAt { get; set; }
}
