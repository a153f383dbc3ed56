namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>The outcome of checking an <c>X-ZDesk-JWT</c> header; <see cref="Failure"/> says why it was refused. A valid
/// token carries its hash and expiry so the receiver can accept it once (<see cref="WebhookTokenUses"/>).</summary>
public sealed record ZohoWebhookVerification(bool IsValid, string? WebhookId, string? Failure)
{
    /// <summary>SHA-256 (hex) of the whole token: what is remembered to refuse a replay.</summary>
    public string? TokenHash { get; init; }

    /// <summary>When the token stops being acceptable; its use is remembered until then.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public static ZohoWebhookVerification Refused(string reason) => new(false, null, reason);
}
