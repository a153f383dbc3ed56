using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Security;

/// <summary>Data Protection for stored secrets: the key ring lives in the application database (the Data Protection EF
/// Core repository on <see cref="ZohoJiraDbContext"/>, so every provider and every instance shares it) and is encrypted
/// with a certificate or a key-encryption key when one is configured.</summary>
public static class KeyRingProtection
{
    public const string ApplicationName = "ZohoJira";

    public static IServiceCollection AddZohoJiraDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(KeyRingProtectionOptions.SectionName);
        services.Configure<KeyRingProtectionOptions>(section);
        var options = section.Get<KeyRingProtectionOptions>() ?? new KeyRingProtectionOptions();
        if (options.HasCertificate && options.HasKeyEncryptionKey)
        {
            throw new InvalidOperationException(
                "Configure either DataProtection:CertificatePath or a key-encryption key (DataProtection:KeyEncryptionKey / " +
                "DataProtection:KeyEncryptionKeyFile), not both.");
        }

        // The abstract context is enough: the repository resolves it per operation from a scope, and the scoped
        // registration hands out the configured provider's derived context (Sqlite, Postgres or SqlServer).
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ZohoJiraDbContext>();

        // Always registered, so the decryptor can say whether a key is missing or different.
        services.AddSingleton(_ => KeyEncryptionKey.From(options));
        if (options.HasCertificate)
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(options));
        }
        else if (options.HasKeyEncryptionKey)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
                new ConfigureOptions<KeyManagementOptions>(o =>
                    o.XmlEncryptor = new AesGcmXmlEncryptor(sp.GetRequiredService<KeyEncryptionKey>())));
        }

        services.AddHostedService<KeyRingProtectionCheck>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(KeyRingProtectionOptions options)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException("DataProtection:CertificatePath must hold the certificate's private key (a .pfx file).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            // The password and the file's content never appear in the message.
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath cannot be loaded ({ex.GetType().Name}): check the file and DataProtection:CertificatePassword.", ex);
        }
    }
}
