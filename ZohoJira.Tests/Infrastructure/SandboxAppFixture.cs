using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>One started app (sandbox on, SQLite) shared by the tests of a class: starting a host is the slow part of an
/// integration test. Call <see cref="ResetAsync"/> at the start of each test (or from the test class's constructor via
/// <see cref="IAsyncLifetime"/>) to get back to a fresh state: no Zoho or Jira connection, no fault armed in either
/// simulator, no webhook registered on the Jira site. Tests that need their own settings, or whose point is what a brand
/// new instance does, keep their own <see cref="ZohoJiraAppFactory"/>.</summary>
public sealed class SandboxAppFixture : IAsyncLifetime
{
    public ZohoJiraAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task ResetAsync()
    {
        App.Services.GetRequiredService<ZohoSandboxFaults>().Reset();
        App.Services.GetRequiredService<JiraSandboxFaults>().Reset();
        var jira = App.Services.GetRequiredService<JiraSandboxState>();
        lock (jira.Gate)
        {
            jira.Webhooks.Clear();
        }

        await using var db = App.CreateDbContext();
        await db.JiraConnections.ExecuteDeleteAsync();
        await db.ZohoConnections.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
