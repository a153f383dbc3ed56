using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>Creates short-lived contexts of the configured provider's type. Registered as a singleton
/// <see cref="IDbContextFactory{TContext}"/>: Blazor components and services create one context per operation.</summary>
public sealed class ZohoJiraDbContextFactory : IDbContextFactory<ZohoJiraDbContext>
{
    private readonly Func<ZohoJiraDbContext> _create;

    public ZohoJiraDbContextFactory(IOptions<DatabaseOptions> options, DatabaseLocation location, SecretProtector secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        Provider = options.Value.Provider;
        var connectionString = location.ConnectionString;
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                var pg = Configure(new DbContextOptionsBuilder<PostgresZohoJiraDbContext>(), connectionString).Options;
                _create = () => new PostgresZohoJiraDbContext(pg, secrets);
                break;
            case DatabaseProvider.SqlServer:
                var ms = Configure(new DbContextOptionsBuilder<SqlServerZohoJiraDbContext>(), connectionString).Options;
                _create = () => new SqlServerZohoJiraDbContext(ms, secrets);
                break;
            default:
                var lite = Configure(new DbContextOptionsBuilder<SqliteZohoJiraDbContext>(), connectionString).Options;
                _create = () => new SqliteZohoJiraDbContext(lite, secrets);
                break;
        }
    }

    public DatabaseProvider Provider { get; }

    public ZohoJiraDbContext CreateDbContext() => _create();

    internal DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, string connectionString)
        where T : ZohoJiraDbContext
    {
        var migrations = typeof(ZohoJiraDbContext).Assembly.FullName;
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
        }

        builder.ReplaceService<IModelCacheKeyFactory, SecretAwareModelCacheKeyFactory>();
        return builder;
    }
}
