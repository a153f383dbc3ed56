using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Connections;

namespace ZohoJira.Tests.Components.Admin;

/// <summary>The Jira connection page against the app's real connection service and the simulated Jira site.</summary>
public sealed class JiraConnectionPageTests
{
    private const string SandboxSite = "http://localhost" + JiraSandboxAccounts.SitePath;

    [Fact]
    public async Task AWrongToken_IsExplained_AndNothingIsSaved()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await using var host = new ComponentHost(app);
        var page = host.Render<JiraConnectionPage>();

        page.Find("#jira-site").Change(SandboxSite);
        page.Find("#jira-email").Change(JiraSandboxAccounts.ConnectorEmail);
        page.Find("#jira-token").Change("not-the-token");
        page.Find("#jira-test").Click();

        page.WaitForAssertion(() => page.Find("#jira-error").TextContent.Should().Contain("did not accept the e-mail and API token"),
            TimeSpan.FromSeconds(10));
        (await app.Services.GetRequiredService<JiraConnectionService>().GetStatusAsync()).Should().BeNull();
    }

    [Fact]
    public async Task UseTheSandboxSite_FillsTheForm_TestShowsWhoTheConnectorIs_SaveConnects()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await using var host = new ComponentHost(app);
        var page = host.Render<JiraConnectionPage>();
        page.Find("#jira-sandbox-token").TextContent.Should().Be(JiraSandboxAccounts.ConnectorApiToken);

        page.Find("#jira-use-sandbox").Click();
        page.Find("#jira-site").GetAttribute("value").Should().EndWith(JiraSandboxAccounts.SitePath);
        page.Find("#jira-test").Click();
        page.WaitForAssertion(() => page.Find("#jira-test-result").TextContent.Should().Contain(JiraSandboxAccounts.ConnectorAccountId),
            TimeSpan.FromSeconds(10));

        page.Find("#jira-form").Submit();

        page.WaitForAssertion(() => page.Find("#jira-status-account").TextContent.Should().Contain("ZohoJira Connector"), TimeSpan.FromSeconds(10));
        page.Find("#jira-token").GetAttribute("value").Should().BeNullOrEmpty("the token is never shown again");
        page.Find("#jira-webhook-state").TextContent.Should().Contain("Not set up");
        host.SnackbarMessages.Should().Contain(m => m.StartsWith("Jira connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetItUpByHand_ShowsUrlSecretAndEvents_AndANewSecretReplacesTheOld()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await app.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            SandboxSite, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        await using var host = new ComponentHost(app);
        var page = host.Render<JiraConnectionPage>();

        page.Find("#jira-manual-webhook").Click();

        page.WaitForAssertion(() => page.Find("#jira-manual-url").TextContent.Should().Be("http://localhost/webhooks/jira"));
        page.Find("#jira-manual-events").TextContent.Should().Contain("Comment: created").And.Contain("Issue: updated");
        var secret = page.Find("#jira-manual-secret").TextContent;
        secret.Should().NotBeNullOrWhiteSpace();

        page.Find("#jira-new-secret").Click();
        page.WaitForAssertion(() => page.Find("#jira-manual-secret").TextContent.Should().NotBe(secret));
    }

    [Fact]
    public async Task Disconnect_AsksFirst_ThenForgetsTheConnection()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await app.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            SandboxSite, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        await using var host = new ComponentHost(app);
        var page = host.Render<JiraConnectionPage>();

        page.Find("#jira-disconnect").Click();
        host.ClickDialogButton("Disconnect");

        page.WaitForAssertion(() => page.FindAll("#jira-status").Should().BeEmpty(), TimeSpan.FromSeconds(10));
        (await app.Services.GetRequiredService<JiraConnectionService>().GetStatusAsync())?.IsConnected.Should().NotBe(true);
    }
}
