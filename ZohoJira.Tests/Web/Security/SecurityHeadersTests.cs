using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Tests.Web.Security;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_SendTheSecurityHeaders_AndDenyFraming()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account/login");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-eval")
            .And.NotContain("frame-ancestors 'self'");
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("plain HTTP");
    }

    [Fact]
    public async Task PanelIcon_IsServedToAnyone_BecauseJiraShowsItBesideEachZohoRemoteLink()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/img/zohojira-16.svg");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "Jira's browsers fetch the icon without a ZohoJira session");
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<svg").And.Contain("width=\"16\"");
    }

    [Fact]
    public async Task IssuePanel_MayBeFramedByTheConnectedJiraSiteOnly()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        using var client = await app.CreateUserClientAsync();

        using (var before = await client.GetAsync("/panel/SUP-1"))
        {
            string.Join(" ", before.Headers.GetValues("Content-Security-Policy")).Should().Contain("frame-ancestors 'none'");
        }

        await app.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            "http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        using var after = await client.GetAsync("/panel/SUP-1");

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        string.Join(" ", after.Headers.GetValues("Content-Security-Policy")).Should().EndWith("frame-ancestors http://localhost")
            .And.NotContain("'self'; frame-ancestors 'self'");
        after.Headers.Contains("X-Frame-Options").Should().BeFalse("X-Frame-Options cannot name Jira; the CSP does");
    }

    [Fact]
    public async Task HealthReady_TellsStrangersTheStatusOnly_AndAdminsOrTheConfiguredHeaderTheDetails()
    {
        await using var app = new ZohoJiraAppFactory().With("Health:DetailsToken", "monitor-secret").Start();

        using var anonymous = app.CreateClient();
        var plain = await anonymous.GetFromJsonAsync<JsonElement>("/health/ready");
        plain.GetProperty("status").GetString().Should().Be("Healthy");
        plain.TryGetProperty("checks", out _).Should().BeFalse();

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        wrong.Headers.Add(HealthEndpoints.DetailsHeader, "guess");
        (await (await anonymous.SendAsync(wrong)).Content.ReadAsStringAsync()).Should().NotContain("checks");

        using var monitor = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        monitor.Headers.Add(HealthEndpoints.DetailsHeader, "monitor-secret");
        (await (await anonymous.SendAsync(monitor)).Content.ReadAsStringAsync()).Should().Contain("\"database\"");

        using var admin = await app.CreateAdminClientAsync();
        var details = await admin.GetFromJsonAsync<JsonElement>("/health/ready");
        details.GetProperty("checks").TryGetProperty("database", out _).Should().BeTrue();
    }
}
