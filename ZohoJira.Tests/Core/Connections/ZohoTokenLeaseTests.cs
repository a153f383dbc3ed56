using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Connections;

/// <summary>One Zoho access token for every instance: stored in the database, renewed by one instance under a lease while
/// the others wait for it. Each "instance" here is its own <see cref="ZohoTokenService"/> (own cache, own in-process
/// gate, own lease owner name) on the one database, calling the one simulated Zoho Accounts server.</summary>
public abstract class ZohoTokenLeaseTests
{
    protected abstract Task<ZohoJiraAppFactory> NewAppAsync();

    private async Task<(ZohoJiraAppFactory App, int ConnectionId)> ConnectedAsync()
    {
        var app = (await NewAppAsync()).With("Sync:Workers", "0").Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        await using var db = app.CreateDbContext();
        return (app, await db.ZohoConnections.Select(c => c.Id).SingleAsync());
    }

    private static ZohoTokenService NewInstance(ZohoJiraAppFactory app) =>
        ActivatorUtilities.CreateInstance<ZohoTokenService>(app.Services);

    private static void ExpireStoredToken(ZohoJiraAppFactory app) =>
        app.Time.Advance(ZohoJira.Sandbox.ZohoDesk.ZohoSandboxAccounts.AccessTokenLifetime - ZohoTokenService.RefreshMargin + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task TokenDue_ManyCallersOnTwoInstances_OneRefreshServesThemAll()
    {
        var (app, connectionId) = await ConnectedAsync();
        await using var _ = app;
        ExpireStoredToken(app);
        var first = NewInstance(app);
        var second = NewInstance(app);
        var refreshesBefore = app.Accounts().RefreshCount;

        var tokens = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).GetAccessTokenAsync(connectionId))));

        (app.Accounts().RefreshCount - refreshesBefore).Should().Be(1);
        (first.RefreshCount + second.RefreshCount).Should().Be(1);
        tokens.Distinct().Should().ContainSingle();
        await using var db = app.CreateDbContext();
        var row = await db.ZohoConnections.AsNoTracking().SingleAsync();
        row.AccessToken.Should().Be(tokens[0]);
        row.TokenRefreshOwner.Should().BeNull("the lease is released after the refresh");
    }

    [Fact]
    public async Task RejectedToken_OneInstanceRenewsIt_TheOtherPicksUpTheNewOneWithoutRefreshing()
    {
        var (app, connectionId) = await ConnectedAsync();
        await using var _ = app;
        var first = NewInstance(app);
        var second = NewInstance(app);
        var old = await first.GetAccessTokenAsync(connectionId);
        (await second.GetAccessTokenAsync(connectionId)).Should().Be(old);
        app.Accounts().InvalidateAccessTokens();
        var refreshesBefore = app.Accounts().RefreshCount;

        var renewed = await first.GetAccessTokenAsync(connectionId, rejectedToken: old);
        var picked = await second.GetAccessTokenAsync(connectionId, rejectedToken: old);

        renewed.Should().NotBe(old);
        picked.Should().Be(renewed);
        (app.Accounts().RefreshCount - refreshesBefore).Should().Be(1);
        second.RefreshCount.Should().Be(0);
    }

    [Fact]
    public async Task LeaseOfAnInstanceThatDiedMidRefresh_IsTakenOverOnceItRunsOut()
    {
        var (app, connectionId) = await ConnectedAsync();
        await using var _ = app;
        ExpireStoredToken(app);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.CreateDbContext())
        {
            await db.ZohoConnections.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.TokenRefreshOwner, "node-that-was-killed")
                .SetProperty(c => c.TokenRefreshLeaseExpiresAt, now + ZohoTokenService.RefreshLease));
        }

        var survivor = NewInstance(app);
        var refreshesBefore = app.Accounts().RefreshCount;

        var waiting = survivor.GetAccessTokenAsync(connectionId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        waiting.IsCompleted.Should().BeFalse("the lease is still held, so the survivor waits for the holder's token");
        app.Accounts().RefreshCount.Should().Be(refreshesBefore);

        app.Time.Advance(ZohoTokenService.RefreshLease + TimeSpan.FromSeconds(1));
        var token = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        token.Should().NotBeNullOrEmpty();
        (app.Accounts().RefreshCount - refreshesBefore).Should().Be(1);
        await using var check = app.CreateDbContext();
        (await check.ZohoConnections.AsNoTracking().SingleAsync()).TokenRefreshOwner.Should().BeNull();
    }

    [Fact]
    public async Task RevokedRefreshToken_RecordsTheAuthErrorAndReleasesTheLease()
    {
        var (app, connectionId) = await ConnectedAsync();
        await using var _ = app;
        ExpireStoredToken(app);
        app.Accounts().RevokeAll();

        var act = () => NewInstance(app).GetAccessTokenAsync(connectionId);

        await act.Should().ThrowAsync<ZohoJira.Core.Common.ExternalApiException>();
        await using var db = app.CreateDbContext();
        var row = await db.ZohoConnections.AsNoTracking().SingleAsync();
        row.LastAuthError.Should().NotBeNullOrEmpty();
        row.AccessToken.Should().BeNull();
        row.TokenRefreshOwner.Should().BeNull();
    }
}

public sealed class SqliteZohoTokenLeaseTests : ZohoTokenLeaseTests
{
    protected override Task<ZohoJiraAppFactory> NewAppAsync() => Task.FromResult(new ZohoJiraAppFactory());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresZohoTokenLeaseTests(PostgresFixture postgres) : ZohoTokenLeaseTests
{
    protected override async Task<ZohoJiraAppFactory> NewAppAsync() =>
        new ZohoJiraAppFactory().UsePostgres(await postgres.CreateDatabaseAsync());
}
