namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>The outcome of checking an <c>X-ZDesk-JWT</c> header; <see cref="Failure"/> says why it was refused.</summary>
public sealed record ZohoWebhookVerification(bool IsValid, string? WebhookId, string? Failure)
{
    public static ZohoWebhookVerification Refused(string reason) => new(false, null, reason);
}
