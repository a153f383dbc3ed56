using ZohoJira.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>One app with Zoho Desk connected to the sandbox, shared by the tests of a class (starting the app is the slow
/// part). Tests that break the connection use their own app instead.</summary>
public sealed class ZohoConnectedAppFixture : IAsyncLifetime
{
    public ZohoJiraAppFactory App { get; } = new();

    public IZohoDeskClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await ZohoSandboxConnection.ConnectAsync(App);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
