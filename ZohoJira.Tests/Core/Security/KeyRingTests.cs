using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Security;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Security;

/// <summary>The key ring in the database: rows written before the Data Protection EF Core repository took over are still
/// read, and the key ring is encrypted when a key-encryption key or a certificate is configured.</summary>
public sealed class KeyRingTests
{
    private const string ApiToken = "jira-api-token-that-must-stay-secret";

    [Fact]
    public async Task SecretWrittenUnderTheOldKeyRepository_IsReadAfterTheSwitch()
    {
        await using var first = new ZohoJiraAppFactory().Start();
        var connectionString = first.Services.GetRequiredService<DatabaseLocation>().ConnectionString;

        // The product before the switch: its own repository stored each key element as one row (friendly name and the
        // element without formatting) in data_protection_keys, and secrets as "zj1:" + a protector with this purpose.
        var legacy = new ServiceCollection();
        legacy.AddDataProtection().SetApplicationName("ZohoJira");
        legacy.Configure<KeyManagementOptions>(o => o.XmlRepository = new LegacyKeyRows(connectionString));
        await using (var legacyServices = legacy.BuildServiceProvider())
        {
            var protector = legacyServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("ZohoJira.Secrets.v1");
            await ExecuteAsync(connectionString,
                "INSERT INTO jira_connections (SiteUrl, Email, ApiToken, UpdatedAt) VALUES ($site, $email, $token, $at)",
                ("$site", "https://example.atlassian.net"), ("$email", "bot@example.com"),
                ("$token", SecretProtector.Prefix + protector.Protect(ApiToken)), ("$at", "2026-11-30 10:00:00"));
        }

        var legacyRows = await RawKeyRowsAsync(connectionString);
        legacyRows.Should().ContainSingle(x => x.Contains("<masterKey", StringComparison.Ordinal),
            "the legacy repository stored exactly one key, unencrypted");

        // A restart on the same database, now with PersistKeysToDbContext.
        await using var second = new ZohoJiraAppFactory(first.DataDirectory).Start();
        await using var db = second.CreateDbContext();
        (await db.JiraConnections.SingleAsync()).ApiToken.Should().Be(ApiToken);
    }

    [Fact]
    public async Task WithAKeyEncryptionKey_KeysAreStoredEncrypted_AndAHostWithTheSameKeyReadsTheSecret()
    {
        var kek = KeyEncryptionKey.NewBase64();
        await using var first = new ZohoJiraAppFactory().With("DataProtection:KeyEncryptionKey", kek).Start();
        await SaveJiraTokenAsync(first);

        var rows = await RawKeyRowsAsync(first);
        rows.Should().NotBeEmpty();
        rows.Should().OnlyContain(x => x.Contains("<aesGcmEncryptedKey", StringComparison.Ordinal)
            && !x.Contains("masterKey", StringComparison.Ordinal), "no key material may be stored in the clear");

        // The key from a mounted file, on a second host (a restart or another instance) of the same database.
        var file = Path.Combine(first.DataDirectory, "kek.txt");
        await File.WriteAllTextAsync(file, kek + "\n");
        await using var second = new ZohoJiraAppFactory(first.DataDirectory).With("DataProtection:KeyEncryptionKeyFile", file).Start();
        await using var db = second.CreateDbContext();
        (await db.JiraConnections.SingleAsync()).ApiToken.Should().Be(ApiToken);
    }

    [Theory]
    [InlineData(true, "a different key-encryption key")]
    [InlineData(false, "none is configured")]
    public async Task AHostWithADifferentOrMissingKey_StartsAndServes_ButCannotReadTheSecret(bool otherKey, string reason)
    {
        await using var first = new ZohoJiraAppFactory().With("DataProtection:KeyEncryptionKey", KeyEncryptionKey.NewBase64()).Start();
        await SaveJiraTokenAsync(first);

        var logs = new CapturingLoggerProvider();
        var other = new ZohoJiraAppFactory(first.DataDirectory)
            .With("DataProtection:KeyEncryptionKey", otherKey ? KeyEncryptionKey.NewBase64() : null);
        await using var host = other.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        // It starts and answers (no crash loop): the sign-in page renders, which needs a usable key of its own.
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);

        var errors = logs.Entries.Where(e => e.Category == typeof(KeyRingProtectionCheck).FullName && e.Level == LogLevel.Error).ToList();
        errors.Should().ContainSingle().Which.Message.Should().Contain(reason);

        await using var db = host.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext();
        var read = async () => await db.JiraConnections.SingleAsync();
        var thrown = (await read.Should().ThrowAsync<Exception>()).Which;
        Chain(thrown).Should().Contain(e => e is SecretUnreadableException);
        Chain(thrown).Should().OnlyContain(e => !e.Message.Contains(ApiToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithACertificate_KeysAreStoredEncrypted_AndAHostWithTheSameCertificateReadsTheSecret()
    {
        await using var first = new ZohoJiraAppFactory();
        var pfx = Path.Combine(first.DataDirectory, "key-ring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ZohoJira key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(first.Time.GetUtcNow().AddDays(-1), first.Time.GetUtcNow().AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        first.With("DataProtection:CertificatePath", pfx).With("DataProtection:CertificatePassword", "pfx-password").Start();
        await SaveJiraTokenAsync(first);
        (await RawKeyRowsAsync(first)).Should().OnlyContain(x => x.Contains("EncryptedData", StringComparison.Ordinal)
            && !x.Contains("masterKey", StringComparison.Ordinal));

        await using var second = new ZohoJiraAppFactory(first.DataDirectory)
            .With("DataProtection:CertificatePath", pfx).With("DataProtection:CertificatePassword", "pfx-password").Start();
        await using var db = second.CreateDbContext();
        (await db.JiraConnections.SingleAsync()).ApiToken.Should().Be(ApiToken);
    }

    [Fact]
    public void MalformedKeyEncryptionKey_StopsStartWithAMessageThatNamesTheSettingNotTheValue()
    {
        const string bad = "c2hvcnQta2V5";
        var create = () => new ZohoJiraAppFactory().With("DataProtection:KeyEncryptionKey", bad).Start();
        create.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("DataProtection:KeyEncryptionKey").And.NotContain(bad);
    }

    [Theory]
    [InlineData("Production", null, 1)]
    [InlineData("Production", "kek", 0)]
    [InlineData("Development", null, 0)]
    public async Task UnprotectedKeyRing_InProduction_IsWarnedAboutOnceAtStartUp(string environment, string? kek, int warnings)
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new ZohoJiraAppFactory()
            .With("DataProtection:KeyEncryptionKey", kek is null ? null : KeyEncryptionKey.NewBase64());
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/account/login");
        }

        logs.Entries.Count(e => e.Category == typeof(KeyRingProtectionCheck).FullName && e.Level == LogLevel.Warning
            && e.Message.Contains("unencrypted", StringComparison.Ordinal)).Should().Be(warnings);
    }

    private static async Task SaveJiraTokenAsync(ZohoJiraAppFactory app)
    {
        await using var db = app.CreateDbContext();
        db.JiraConnections.Add(new JiraConnection
        {
            SiteUrl = "https://example.atlassian.net",
            Email = "bot@example.com",
            ApiToken = ApiToken,
            UpdatedAt = app.Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static Task<List<string>> RawKeyRowsAsync(ZohoJiraAppFactory app) =>
        RawKeyRowsAsync(app.Services.GetRequiredService<DatabaseLocation>().ConnectionString);

    private static async Task<List<string>> RawKeyRowsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM data_protection_keys ORDER BY Id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The repository the product used before PersistKeysToDbContext, row for row.</summary>
    private sealed class LegacyKeyRows(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            RawKeyRowsAsync(connectionString).GetAwaiter().GetResult().Select(x => XElement.Parse(x)).ToList();

        public void StoreElement(XElement element, string friendlyName) =>
            ExecuteAsync(connectionString, "INSERT INTO data_protection_keys (FriendlyName, Xml) VALUES ($name, $xml)",
                ("$name", friendlyName), ("$xml", element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                ArgumentNullException.ThrowIfNull(formatter);
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
