namespace ZohoJira.Core.Security;

/// <summary>The <c>DataProtection</c> configuration section: how the key ring is encrypted before it is stored in the
/// database. Configure at most one of a certificate or a key-encryption key; with neither, the key ring is stored as it is
/// and the database alone decrypts every stored secret.</summary>
public sealed class KeyRingProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the key ring (<c>ProtectKeysWithCertificate</c>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A base64 256-bit key that encrypts the key ring with AES-GCM (env: <c>DataProtection__KeyEncryptionKey</c>).</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A file holding the base64 key-encryption key, e.g. a mounted secret.</summary>
    public string? KeyEncryptionKeyFile { get; set; }

    internal bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath);

    internal bool HasKeyEncryptionKey =>
        !string.IsNullOrWhiteSpace(KeyEncryptionKey) || !string.IsNullOrWhiteSpace(KeyEncryptionKeyFile);

    internal bool IsProtected => HasCertificate || HasKeyEncryptionKey;
}
