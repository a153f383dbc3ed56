namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>One webhook POST: target, JSON array body and (once sent) the JWT it carried.</summary>
public sealed record SandboxWebhookDelivery(string WebhookId, string Url, string Body, string? Jwt);
