using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>Losing the Zoho authorization, with the real client against the simulator (each test breaks its own app).</summary>
public sealed class ZohoAuthorizationLossTests
{
    [Fact]
    public async Task RevokedRefreshToken_IsAClearAuthenticationErrorRecordedOnTheConnection()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        var ticket = app.State().Records["tickets"].Keys.First();
        app.Accounts().RevokeAll();

        var act = () => client.GetRecordAsync(ZohoModule.Tickets, ticket);

        var error = (await act.Should().ThrowAsync<ExternalApiException>()).Which;
        error.Category.Should().Be(FailureCategory.Authentication);
        ZohoAuthError.IsAuthError(error.Message).Should().BeTrue();
        error.Message.Should().Contain("reconnect");
        await using var db = app.CreateDbContext();
        (await db.ZohoConnections.SingleAsync()).LastAuthError.Should().Be(error.Message);
    }
}
