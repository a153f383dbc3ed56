using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.Work;

public sealed class SqliteDurableWorkTests : DurableWorkTests
{
    protected override Task<ZohoJiraAppFactory> NewAppAsync() => Task.FromResult(new ZohoJiraAppFactory());

    /// <summary>SQLite is one file: the second host opens the same data folder.</summary>
    protected override ZohoJiraAppFactory NewSecondApp(ZohoJiraAppFactory first) => new(first.DataDirectory);
}
