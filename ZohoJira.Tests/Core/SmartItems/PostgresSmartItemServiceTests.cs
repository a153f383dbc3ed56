using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.SmartItems;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSmartItemServiceTests(PostgresFixture postgres) : SmartItemServiceTests
{
    protected override async Task<ZohoJiraAppFactory> CreateAppAsync() =>
        new ZohoJiraAppFactory().UsePostgres(await postgres.CreateDatabaseAsync()).Start();
}
