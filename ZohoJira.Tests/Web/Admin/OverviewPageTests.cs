using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Admin;

public sealed class OverviewPageTests(SandboxAppFixture fixture) : IClassFixture<SandboxAppFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Overview_ShowsEachConnectionsState()
    {
        var app = fixture.App;
        using var admin = await app.CreateAdminClientAsync();

        var before = await admin.GetStringAsync("/");
        Section(before, "overview-zoho").Should().Contain("Not connected");
        Section(before, "overview-jira").Should().Contain("Not connected");

        await app.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            "http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);

        var after = await admin.GetStringAsync("/");
        Section(after, "overview-jira").Should().Contain("Connected").And.NotContain("Not connected")
            .And.NotContain(JiraSandboxAccounts.ConnectorApiToken);
        Section(after, "overview-zoho").Should().Contain("Not connected");
    }

    [Fact]
    public async Task Overview_ForAUser_ShowsNoAdministration()
    {
        var app = fixture.App;
        using var user = await app.CreateUserClientAsync();
        var html = await user.GetStringAsync("/");
        html.Should().Contain("Working with linked Zoho records").And.NotContain("overview-zoho");
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page has the {id} card");
        var end = html.IndexOf("</a>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
