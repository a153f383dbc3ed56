using System.Security.Cryptography;
using System.Text;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>The unguessable last segment of the Zoho webhook address, and the hash it is looked up by.</summary>
public static class WebhookUrlTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
