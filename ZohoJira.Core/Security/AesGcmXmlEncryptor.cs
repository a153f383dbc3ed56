using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Security;

/// <summary>Encrypts each key-ring element with the configured key-encryption key (AES-256-GCM, authenticated) before the
/// Data Protection system stores it in the database.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "aesGcmEncryptedKey";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    /// <summary>Binds the ciphertext to its purpose, so it cannot be passed off as another kind of AES-GCM payload.</summary>
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("ZohoJira.KeyRing.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        var element = new XElement(ElementName,
            new XAttribute("version", 1),
            new XAttribute("kek", key.Id!),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote. The Data Protection system creates it by the type name
/// stored in the key ring, through dependency injection, so it takes the service provider and finds the key there.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetService<KeyEncryptionKey>() ?? KeyEncryptionKey.None;
        if (!key.IsConfigured)
        {
            throw new InvalidOperationException(
                "This key-ring key is encrypted with a key-encryption key, but none is configured " +
                "(DataProtection:KeyEncryptionKey or DataProtection:KeyEncryptionKeyFile).");
        }

        var writtenWith = (string?)encryptedElement.Attribute("kek");
        if (!string.Equals(writtenWith, key.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                "This key-ring key was encrypted with a different key-encryption key than the one configured.");
        }

        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? string.Empty);
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? string.Empty);
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        if (nonce.Length != AesGcmXmlEncryptor.NonceSize || tag.Length != AesGcmXmlEncryptor.TagSize)
        {
            throw new CryptographicException("An encrypted key-ring key is malformed.");
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key.Bytes, AesGcmXmlEncryptor.TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
