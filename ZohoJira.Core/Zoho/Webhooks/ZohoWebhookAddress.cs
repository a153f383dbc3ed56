namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Where Zoho Desk delivers webhooks to this app: <c>{public base URL}/webhooks/zoho/{url token}</c>.</summary>
public static class ZohoWebhookAddress
{
    public const string PathPrefix = "/webhooks/zoho";

    public static Uri Build(string publicBaseUrl, string urlToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(urlToken);
        return new Uri($"{publicBaseUrl.TrimEnd('/')}{PathPrefix}/{Uri.EscapeDataString(urlToken)}");
    }
}
