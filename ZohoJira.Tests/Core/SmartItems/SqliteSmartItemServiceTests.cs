using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.SmartItems;

public sealed class SqliteSmartItemServiceTests : SmartItemServiceTests
{
    protected override Task<ZohoJiraAppFactory> CreateAppAsync() => Task.FromResult(new ZohoJiraAppFactory().Start());
}
