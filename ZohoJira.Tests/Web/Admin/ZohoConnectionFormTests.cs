using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Admin;

public sealed class ZohoConnectionFormTests
{
    [Fact]
    public async Task FreshInstance_FormStartsEmpty()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        using var admin = await app.CreateAdminClientAsync();
        var html = await admin.GetStringAsync("/admin/connections/zoho");
        html.Should().Contain("id=\"zoho-client-id\"").And.NotContain("_status.", "the form shows values, never expressions");
    }

    [Fact]
    public async Task AfterRevoke_FormKeepsTheDataCenterAndClientId_ButNotTheSecret()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        var status = await app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync();
        await app.Services.GetRequiredService<ZohoConnectionService>().RevokeAsync();

        using var admin = await app.CreateAdminClientAsync();
        var html = await admin.GetStringAsync("/admin/connections/zoho");
        html.Should().Contain($"value=\"{status.ClientId}\"");
        html.Should().NotContain("sandbox0secret", "secrets are never rendered back");
    }
}
