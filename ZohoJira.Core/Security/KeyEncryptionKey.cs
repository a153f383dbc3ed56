using System.Security.Cryptography;

namespace ZohoJira.Core.Security;

/// <summary>The configured key-encryption key (or its absence). Always registered, so the key-ring decryptor can tell "no
/// key configured" from "a different key configured". Never logs or prints the key.</summary>
public sealed class KeyEncryptionKey
{
    public const int SizeInBytes = 32;

    private readonly byte[]? _key;

    private KeyEncryptionKey(byte[]? key)
    {
        _key = key;
        Id = key is null ? null : Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    public static KeyEncryptionKey None { get; } = new(null);

    /// <summary>True when a key is configured.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>A short fingerprint of the key (the first 8 bytes of its SHA-256), stored beside each encrypted key-ring
    /// element so a host can tell that an element was written under a different key. Reveals nothing about the key.</summary>
    public string? Id { get; }

    internal ReadOnlySpan<byte> Bytes => _key ?? throw new InvalidOperationException("No key-encryption key is configured.");

    /// <summary>Reads the key from <c>DataProtection:KeyEncryptionKey</c> or <c>DataProtection:KeyEncryptionKeyFile</c>.
    /// A malformed value stops start-up with a message that names the setting, never the value.</summary>
    public static KeyEncryptionKey From(KeyRingProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? text;
        string source;
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            text = options.KeyEncryptionKey;
            source = "DataProtection:KeyEncryptionKey";
        }
        else if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile))
        {
            source = "DataProtection:KeyEncryptionKeyFile";
            try
            {
                text = File.ReadAllText(options.KeyEncryptionKeyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{source} names a file that cannot be read: {ex.GetType().Name}.", ex);
            }
        }
        else
        {
            return None;
        }

        var key = new byte[SizeInBytes];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var written) || written != SizeInBytes)
        {
            throw new InvalidOperationException(
                $"{source} must be {SizeInBytes} random bytes in base64 (44 characters), e.g. the output of 'openssl rand -base64 32'.");
        }

        return new KeyEncryptionKey(key);
    }

    /// <summary>A new random key in base64, for documentation and tests.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SizeInBytes));
}
