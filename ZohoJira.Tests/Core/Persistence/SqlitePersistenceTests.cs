using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Persistence;

public sealed class SqlitePersistenceTests : PersistenceTests
{
    protected override string SecretColumnQuery => "SELECT RefreshToken FROM zoho_connections LIMIT 1";

    protected override Task<ZohoJiraAppFactory> CreateAppAsync() => Task.FromResult(new ZohoJiraAppFactory().Start());

    /// <summary>SQLite is one instance per file: the second host is a restart on the same data folder.</summary>
    protected override ZohoJiraAppFactory CreateSecondApp(ZohoJiraAppFactory first) => new(first.DataDirectory);
}
