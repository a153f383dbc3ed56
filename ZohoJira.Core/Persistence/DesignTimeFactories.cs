using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>Used by <c>dotnet ef</c> only (migrations add/script). The secret converter does not change the schema, so an
/// ephemeral key ring is enough here.</summary>
internal static class DesignTime
{
    public static SecretProtector Secrets()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        return new SecretProtector(services.BuildServiceProvider());
    }

    public static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteZohoJiraDbContext>
{
    public SqliteZohoJiraDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteZohoJiraDbContext>()
            .UseSqlite(DesignTime.Setting("ZOHOJIRA_DESIGN_SQLITE", "Data Source=design.db"))
            .Options,
        DesignTime.Secrets());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresZohoJiraDbContext>
{
    public PostgresZohoJiraDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresZohoJiraDbContext>()
            .UseNpgsql(DesignTime.Setting("ZOHOJIRA_DESIGN_POSTGRES", "Host=localhost;Database=zohojira_design"))
            .Options,
        DesignTime.Secrets());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerZohoJiraDbContext>
{
    public SqlServerZohoJiraDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlServerZohoJiraDbContext>()
            .UseSqlServer(DesignTime.Setting(
                "ZOHOJIRA_DESIGN_SQLSERVER", "Server=localhost;Database=zohojira_design;Integrated Security=true;TrustServerCertificate=true"))
            .Options,
        DesignTime.Secrets());
}
