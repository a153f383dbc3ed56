using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>One app with the simulated Jira site, and the real Jira client pointed at it (as the connector's service
/// account and as a human user).</summary>
public sealed class JiraSandboxFixture : IAsyncLifetime
{
    public static readonly Uri SiteUrl = new("http://localhost" + JiraSandboxAccounts.SitePath);

    public ZohoJiraAppFactory App { get; } = new();

    public IJiraClient Connector { get; private set; } = null!;

    public IJiraClient User { get; private set; } = null!;

    public JiraSandboxFaults Faults => App.Services.GetRequiredService<JiraSandboxFaults>();

    public IJiraClient ClientFor(string email, string token) =>
        App.Services.GetRequiredService<IJiraClientFactory>().Create(new JiraSite(SiteUrl, email, token));

    public Task InitializeAsync()
    {
        App.Start();
        Connector = ClientFor(JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        User = ClientFor(JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
