using System.Data.Common;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Security;

/// <summary>Runs once at start-up. Warns when a Production host stores its key ring unprotected, and reports key-ring keys
/// this host cannot decrypt (encrypted under a key-encryption key it lacks or that differs). It never stops the host: the
/// app stays usable (sign-in, pages), and the secrets those keys protected read as unreadable until the right key is
/// configured or the connections are entered again.</summary>
public sealed partial class KeyRingProtectionCheck(
    IOptions<KeyRingProtectionOptions> options,
    KeyEncryptionKey key,
    IHostEnvironment environment,
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    ILogger<KeyRingProtectionCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && !options.Value.IsProtected)
        {
            LogUnprotected(logger);
        }

        var unreadable = await CountUnreadableKeysAsync(cancellationToken);
        if (unreadable > 0)
        {
            LogUnreadable(logger, unreadable, key.IsConfigured
                ? "they were encrypted with a different key-encryption key"
                : "they are encrypted with a key-encryption key and none is configured");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Key-ring elements encrypted by <see cref="AesGcmXmlEncryptor"/> under a key other than this host's.</summary>
    internal async Task<int> CountUnreadableKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);
            return rows.Count(xml => xml is not null && IsUnreadable(xml));
        }
        catch (DbException)
        {
            // No database or no table yet (migrations off): nothing to check.
            return 0;
        }
    }

    private bool IsUnreadable(string xml)
    {
        XElement element;
        try
        {
            element = XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return true;
        }

        return element.Descendants(AesGcmXmlEncryptor.ElementName)
            .Any(e => !string.Equals((string?)e.Attribute("kek"), key.Id, StringComparison.Ordinal));
    }

    [LoggerMessage(LogLevel.Warning,
        "The Data Protection key ring is stored unencrypted beside the secrets it protects: anyone who reads the database " +
        "can decrypt every stored secret. Set DataProtection:KeyEncryptionKey (or DataProtection:KeyEncryptionKeyFile, or " +
        "DataProtection:CertificatePath); see the README, 'Protecting the key ring'.")]
    private static partial void LogUnprotected(ILogger logger);

    [LoggerMessage(LogLevel.Error,
        "{Count} Data Protection key(s) in the database cannot be decrypted by this host: {Reason}. Secrets they protected " +
        "cannot be read until the key-encryption key they were written with is configured (or the connections are entered again).")]
    private static partial void LogUnreadable(ILogger logger, int count, string reason);
}
