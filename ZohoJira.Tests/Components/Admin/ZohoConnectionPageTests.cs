using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Connections;

namespace ZohoJira.Tests.Components.Admin;

/// <summary>The Zoho Desk connection page against the app's real connection service and the simulated Zoho. Each test
/// has its own app: the connection is one per instance.</summary>
public sealed class ZohoConnectionPageTests
{
    [Fact]
    public async Task GenerateCode_FillsTheForm_ConnectShowsTheSummary_WithoutTheSecret()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await using var host = new ComponentHost(app);
        var page = host.Render<ZohoConnectionPage>();
        page.WaitForAssertion(() => page.Find("#zoho-disconnected-note"));

        page.Find("#zoho-generate-code").Click();
        page.Find("#zoho-code").GetAttribute("value").Should().NotBeNullOrEmpty();
        page.Find("#zoho-client-id").GetAttribute("value").Should().NotBeNullOrEmpty();
        page.Find("#zoho-connect-form").Submit();

        page.WaitForAssertion(() => page.Find("#zoho-summary"), TimeSpan.FromSeconds(10));
        page.Find("#zoho-summary-dc").TextContent.Should().Be("sandbox");
        page.Find("#zoho-summary-org").TextContent.Should().Contain(ZohoSandboxState.CompanyName);
        page.Find("#zoho-summary").TextContent.Should().NotContain(ZohoSandboxAccounts.ClientSecret);
        host.SnackbarMessages.Should().Contain(m => m.Contains("Zoho Desk connected", StringComparison.Ordinal));
        page.WaitForAssertion(() => page.Find("#zoho-webhook-state").TextContent.Should().Contain("Not subscribed"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AUsedCode_IsExplainedInPlainWords()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await using var host = new ComponentHost(app);
        var page = host.Render<ZohoConnectionPage>();
        page.WaitForAssertion(() => page.Find("#zoho-generate-code"));

        page.Find("#zoho-generate-code").Click();
        page.Find("#zoho-code").Change("1000.0000000000000000.used");
        page.Find("#zoho-connect-form").Submit();

        page.WaitForAssertion(() => page.Find("#zoho-connect-error").TextContent.Should().Contain("expired or was already used"),
            TimeSpan.FromSeconds(10));
        (await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).IsConnected.Should().BeFalse();
    }

    [Fact]
    public async Task SeveralOrganizations_ThePickerOffersTheDefault_AndUsingItConnects()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        var state = app.State();
        lock (state.Gate)
        {
            var other = ZohoSandboxRecordEndpoints.Organization(state);
            other["id"] = "70899999";
            other["companyName"] = "Another portal";
            other["isDefault"] = false;
            state.ExtraOrganizations.Add(other);
        }

        await using var host = new ComponentHost(app);
        var page = host.Render<ZohoConnectionPage>();
        page.WaitForAssertion(() => page.Find("#zoho-generate-code"));
        page.Find("#zoho-generate-code").Click();
        page.Find("#zoho-connect-form").Submit();

        page.WaitForAssertion(() => page.Find("#zoho-org-picker"), TimeSpan.FromSeconds(10));
        page.Find("#zoho-org-select").HasAttribute("disabled").Should().BeFalse("the default organization is chosen already");
        page.Find("#zoho-org-select").Click();

        page.WaitForAssertion(() => page.Find("#zoho-summary-org").TextContent.Should().Contain(ZohoSandboxState.CompanyName),
            TimeSpan.FromSeconds(10));
        (await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).OrgId.Should().Be(ZohoSandboxState.OrgId);
    }

    [Fact]
    public async Task Revoke_AsksFirst_ThenShowsTheFormWithTheClientIdButNoSecret()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        var clientId = (await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).ClientId;
        await using var host = new ComponentHost(app);
        var page = host.Render<ZohoConnectionPage>();
        page.WaitForAssertion(() => page.Find("#zoho-revoke"));

        page.Find("#zoho-revoke").Click();
        host.ClickDialogButton("Revoke");

        page.WaitForAssertion(() => page.Find("#zoho-connect-card"), TimeSpan.FromSeconds(10));
        page.Find("#zoho-client-id").GetAttribute("value").Should().Be(clientId);
        page.Find("#zoho-client-secret").GetAttribute("value").Should().BeNullOrEmpty();
        (await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).IsConnected.Should().BeFalse();
    }

    [Fact]
    public async Task WebhookCard_AsksZohoOnlyOverTheCircuit_NotWhilePrerendering()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ZohoSandboxConnection.ConnectAsync(app);

        await using (var prerender = new ComponentHost(app, interactive: false))
        {
            var card = prerender.Render<ZohoWebhookCard>();
            card.Find("#zoho-webhook-loading").TextContent.Should().Contain("Checking Zoho Desk");
            card.FindAll("#zoho-webhook-state").Should().BeEmpty();
        }

        await using var interactive = new ComponentHost(app);
        var live = interactive.Render<ZohoWebhookCard>();
        live.WaitForAssertion(() => live.Find("#zoho-webhook-state").TextContent.Should().Contain("Not subscribed"), TimeSpan.FromSeconds(10));

        live.Find("#zoho-webhook-subscribe").Click();
        live.WaitForAssertion(() => live.Find("#zoho-webhook-state").TextContent.Should().Contain("Subscribed"), TimeSpan.FromSeconds(10));
        app.State().Webhooks.Should().HaveCount(1);
    }
}
