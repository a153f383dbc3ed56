using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Connections;

/// <summary>Connecting, revoking and reconnecting Zoho Desk through the real accounts client against the simulator.</summary>
public sealed class ZohoConnectionServiceTests
{
    [Fact]
    public async Task Connect_UsedCode_IsRefusedInPlainWordsEvenThoughZohoAnswers200()
    {
        await using var app = new ZohoJiraAppFactory();
        var code = app.Accounts().GenerateCode();
        var service = app.Services.GetRequiredService<ZohoConnectionService>();
        await service.ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));

        var again = () => service.ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));

        var error = (await again.Should().ThrowAsync<ExternalApiException>()).Which;
        error.VendorErrorCode.Should().Be("invalid_code");
        error.StatusCode.Should().Be(200);
        error.Message.Should().Contain("expired or was already used");
    }

    [Fact]
    public async Task Connect_ExpiredCodeOrWrongClient_IsRefused()
    {
        await using var app = new ZohoJiraAppFactory();
        var service = app.Services.GetRequiredService<ZohoConnectionService>();
        var expired = app.Accounts().GenerateCode(TimeSpan.FromMinutes(3));
        app.Time.Advance(TimeSpan.FromMinutes(4));
        var fresh = app.Accounts().GenerateCode();

        var late = () => service.ConnectAsync(new ZohoConnectRequest("sandbox", expired.ClientId, expired.ClientSecret, expired.Code));
        var wrongClient = () => service.ConnectAsync(new ZohoConnectRequest("sandbox", "1000.NOTTHECLIENT", fresh.ClientSecret, fresh.Code));

        (await late.Should().ThrowAsync<ExternalApiException>()).Which.VendorErrorCode.Should().Be("invalid_code");
        (await wrongClient.Should().ThrowAsync<ExternalApiException>()).Which.Message.Should().Contain("client id");
    }

    [Fact]
    public async Task Connect_SeveralOrganizations_WaitsForTheAdminToPickOne()
    {
        await using var app = new ZohoJiraAppFactory();
        var state = app.State();
        lock (state.Gate)
        {
            var other = ZohoJira.Sandbox.ZohoDesk.ZohoSandboxRecordEndpoints.Organization(state);
            other["id"] = "70899999";
            other["companyName"] = "Another portal";
            other["isDefault"] = false;
            state.ExtraOrganizations.Add(other);
        }

        var code = app.Accounts().GenerateCode();
        var service = app.Services.GetRequiredService<ZohoConnectionService>();

        var pending = await service.ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));
        var connected = await service.SelectOrganizationAsync(ZohoJira.Sandbox.ZohoDesk.ZohoSandboxState.OrgId);

        pending.IsConnected.Should().BeFalse();
        pending.AwaitingOrganization.Should().BeTrue();
        pending.Organizations.Select(o => o.CompanyName).Should().BeEquivalentTo("Zylker Demo (sandbox)", "Another portal");
        connected.IsConnected.Should().BeTrue();
        connected.OrgName.Should().Be("Zylker Demo (sandbox)");
        await FluentActions.Invoking(() => service.SelectOrganizationAsync("123")).Should().ThrowAsync<ExternalApiException>();
    }

    [Fact]
    public async Task Revoke_RevokesAtZohoAndDeletesSecrets()
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);

        var revoked = await app.Services.GetRequiredService<ZohoConnectionService>().RevokeAsync();

        revoked.Should().BeTrue();
        await using var db = app.CreateDbContext();
        var connection = await db.ZohoConnections.SingleAsync();
        connection.ClientSecret.Should().BeNull();
        connection.RefreshToken.Should().BeNull();
        connection.AccessToken.Should().BeNull();
        connection.IsConnected.Should().BeFalse();
        (await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).IsConnected.Should().BeFalse();
    }

    [Fact]
    public async Task Reconnect_ClearsStaleAuthErrorsButKeepsOthers()
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.CreateDbContext())
        {
            var stale = new SmartItemDefinition
            {
                Id = Guid.NewGuid(),
                Name = "Stale",
                JiraProjectKey = "SUP",
                ZohoModule = "tickets",
                DefinitionJson = "{}",
                LastError = ZohoAuthError.Describe("Zoho Desk refused the connection's credentials (INVALID_OAUTH): reconnect Zoho Desk."),
                LastErrorAt = now,
            };
            var other = new SmartItemDefinition
            {
                Id = Guid.NewGuid(),
                Name = "Other",
                JiraProjectKey = "SUP",
                ZohoModule = "tickets",
                DefinitionJson = "{}",
                LastError = "Jira refused the transition",
                LastErrorAt = now,
            };
            db.SmartItems.AddRange(stale, other);
            db.Links.Add(new Link
            {
                Id = Guid.NewGuid(),
                SmartItemId = stale.Id,
                JiraIssueId = "10001",
                JiraIssueKey = "SUP-1",
                ZohoModule = "tickets",
                ZohoRecordId = "1",
                LastError = ZohoAuthError.Describe("revoked"),
                LastErrorAt = now,
            });
            await db.SaveChangesAsync();
        }

        await ZohoSandboxConnection.ConnectAsync(app);

        await using var check = app.CreateDbContext();
        (await check.SmartItems.SingleAsync(s => s.Name == "Stale")).LastError.Should().BeNull();
        (await check.SmartItems.SingleAsync(s => s.Name == "Other")).LastError.Should().Be("Jira refused the transition");
        (await check.Links.SingleAsync()).LastError.Should().BeNull();
    }
}
