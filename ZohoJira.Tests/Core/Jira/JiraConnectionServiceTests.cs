using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Jira;

/// <summary>The Jira connection service against the simulated site and a real SQLite database (one app for the class,
/// reset to "not connected" before each test).</summary>
public sealed class JiraConnectionServiceTests(SandboxAppFixture fixture) : IClassFixture<SandboxAppFixture>, IAsyncLifetime
{
    private const string Site = "http://localhost" + JiraSandboxAccounts.SitePath;
    private static readonly Uri Receiver = new("http://localhost/webhooks/jira");

    private ZohoJiraAppFactory SharedApp => fixture.App;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_WithAWrongToken_Throws_AndStoresNothing()
    {
        var app = SharedApp;
        var service = app.Services.GetRequiredService<JiraConnectionService>();

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => service.SaveAsync(Site, JiraSandboxAccounts.ConnectorEmail, "nope"));

        ex.Category.Should().Be(FailureCategory.Authentication);
        (await service.GetStatusAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Save_RemembersTheAccount_KeepsTheTokenWhenLeftEmpty_AndNeverReturnsIt()
    {
        var app = SharedApp;
        var service = app.Services.GetRequiredService<JiraConnectionService>();

        await service.SaveAsync(Site + "/", JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var me = await service.SaveAsync(Site, " " + JiraSandboxAccounts.ConnectorEmail + " ", apiToken: null);

        me.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        var status = await service.GetStatusAsync();
        status!.IsConnected.Should().BeTrue();
        status.SiteUrl.Should().Be(Site);
        status.Email.Should().Be(JiraSandboxAccounts.ConnectorEmail);
        status.HasApiToken.Should().BeTrue();
        status.AccountDisplayName.Should().Be("ZohoJira Connector");
        status.ToString().Should().NotContain(JiraSandboxAccounts.ConnectorApiToken);
        (await service.CreateClientAsync())!.Site.ApiToken.Should().Be(JiraSandboxAccounts.ConnectorApiToken);

        await using var db = app.CreateDbContext();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"ApiToken\" AS \"Value\" FROM jira_connections").SingleAsync();
        raw.Should().NotContain(JiraSandboxAccounts.ConnectorApiToken, "secrets are encrypted at rest");
    }

    [Fact]
    public async Task RegisterWebhook_WithoutAdminRights_IsRecordedAsFailed_WithAPlainReason()
    {
        var app = SharedApp;
        var service = app.Services.GetRequiredService<JiraConnectionService>();
        await service.SaveAsync(Site, JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken);

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => service.RegisterWebhookAsync(Receiver));

        ex.Category.Should().Be(FailureCategory.Permission);
        var status = await service.GetStatusAsync();
        status!.WebhookState.Should().Be(JiraWebhookStates.Failed);
        status.LastError.Should().Contain("Administer Jira").And.Contain("by hand");

        var manual = await service.GetManualInstructionsAsync(Receiver);
        manual.Url.Should().Be(Receiver);
        manual.Secret.Should().HaveLength(43);
        manual.Events.Should().Equal(JiraWebhookEvents.Subscribed);
        (await service.GetManualInstructionsAsync(Receiver)).Secret.Should().Be(manual.Secret, "the secret stays until a new one is asked for");
        (await service.GetManualInstructionsAsync(Receiver, newSecret: true)).Secret.Should().NotBe(manual.Secret);
        (await service.GetStatusAsync())!.WebhookState.Should().Be(JiraWebhookStates.Manual);
    }

    [Fact]
    public async Task RegisterAgain_ReplacesTheWebhookOnTheSite_AndDisconnectRemovesIt()
    {
        var app = SharedApp;
        var service = app.Services.GetRequiredService<JiraConnectionService>();
        await service.SaveAsync(Site, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var site = app.Services.GetRequiredService<IJiraClientFactory>()
            .Create(new JiraSite(new Uri(Site), JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken));

        var first = await service.RegisterWebhookAsync(Receiver);
        var second = await service.RegisterWebhookAsync(Receiver);

        second.Id.Should().NotBe(first.Id);
        (await site.GetWebhooksAsync()).Select(h => h.Id).Should().Equal(second.Id);
        second.Events.Should().Equal(JiraWebhookEvents.Subscribed);

        await service.DisconnectAsync();

        (await site.GetWebhooksAsync()).Should().BeEmpty();
        (await service.GetStatusAsync()).Should().BeNull();
        (await service.GetWebhookVerificationAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Reads_ThatTimeOut_AreRetried_ThenSurfacedAsTimeouts()
    {
        await using var app = new ZohoJiraAppFactory()
            .With("Jira:Http:AttemptTimeout", "00:00:00.300")
            .With("Jira:Http:MaxRetries", "1")
            .With("Jira:Http:BaseDelay", "00:00:00.010")
            .UseRealPort()
            .Start();
        app.Services.GetRequiredService<JiraSandboxFaults>().Latency = TimeSpan.FromSeconds(2);
        var client = app.Services.GetRequiredService<IJiraClientFactory>()
            .Create(new JiraSite(new Uri(app.BaseUrl + JiraSandboxAccounts.SitePath), JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken));

        using var requests = new OutboundRequestLog(app.BaseUrl!);

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => client.GetMyselfAsync());

        // Over real sockets (the in-memory test server answers a cancelled request with an aborted body instead).
        ex.Category.Should().Be(FailureCategory.Timeout, ex.ToString());
        ex.IsRetryable.Should().BeTrue();
        requests.Count(HttpMethod.Get, "/rest/api/3/myself").Should().Be(2, "the first attempt timed out and was retried once");
    }
}
