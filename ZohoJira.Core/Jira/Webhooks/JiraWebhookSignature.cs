using System.Security.Cryptography;
using System.Text;

namespace ZohoJira.Core.Jira.Webhooks;

/// <summary>The admin-webhook signature: <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body keyed with the secret&gt;</c>.</summary>
public static class JiraWebhookSignature
{
    public const string HeaderName = "X-Hub-Signature";

    private const string Sha256Prefix = "sha256=";

    /// <summary>The header value Jira sends for this body and secret.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return Sha256Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when the header carries a sha256 signature equal to the body's; compared in constant time. Unknown
    /// methods and malformed values are rejected.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        if (!value.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = value[Sha256Prefix.Length..];
        if (hex.Length != 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
