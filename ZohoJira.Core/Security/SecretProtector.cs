using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Security;

/// <summary>Encrypts secrets (client secrets, tokens, webhook secrets) before they reach the database. Resolves the Data
/// Protection provider lazily because the key ring itself is stored through the same database.</summary>
public sealed class SecretProtector(IServiceProvider services)
{
    /// <summary>Marks protected values so plain values written by older code are still recognised.</summary>
    internal const string Prefix = "zj1:";

    private const string Purpose = "ZohoJira.Secrets.v1";

    private readonly Lazy<IDataProtector> _protector = new(() =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose));

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Prefix + _protector.Value.Protect(plaintext);
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new SecretUnreadableException("A stored secret is not in the protected format.");
        }

        try
        {
            return _protector.Value.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            // Never include the payload: it is the secret, encrypted, and the message may be logged.
            throw new SecretUnreadableException(
                "A stored secret cannot be decrypted: the Data Protection key ring that wrote it is not available.", ex);
        }
    }
}
