using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.Work;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableWorkTests(PostgresFixture postgres) : DurableWorkTests
{
    private string? _connectionString;

    protected override async Task<ZohoJiraAppFactory> NewAppAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        return new ZohoJiraAppFactory().UsePostgres(_connectionString);
    }

    /// <summary>A second instance on the same PostgreSQL database, as behind a load balancer.</summary>
    protected override ZohoJiraAppFactory NewSecondApp(ZohoJiraAppFactory first) =>
        new ZohoJiraAppFactory().UsePostgres(_connectionString!);
}
