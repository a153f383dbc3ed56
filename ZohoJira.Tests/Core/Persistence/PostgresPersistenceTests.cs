using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceTests(PostgresFixture postgres) : PersistenceTests
{
    private string? _connectionString;

    protected override string SecretColumnQuery => "SELECT \"RefreshToken\" FROM zoho_connections LIMIT 1";

    protected override async Task<ZohoJiraAppFactory> CreateAppAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        return new ZohoJiraAppFactory().UsePostgres(_connectionString).Start();
    }

    /// <summary>A second instance on the same PostgreSQL database, as behind a load balancer.</summary>
    protected override ZohoJiraAppFactory CreateSecondApp(ZohoJiraAppFactory first) =>
        new ZohoJiraAppFactory().UsePostgres(_connectionString!);
}
