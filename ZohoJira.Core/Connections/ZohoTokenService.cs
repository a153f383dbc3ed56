using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Core.Connections;

/// <summary>Hands out Zoho access tokens: the stored one while it is good for more than a few minutes, otherwise a new one
/// from the refresh token. The token is stored encrypted in the database and shared by every instance; a refresh happens
/// in one instance at a time, under a lease on the connection row (Zoho allows ten access tokens per ten minutes per
/// refresh token and throttles token requests), while the others wait for the token it stores. Within an instance,
/// concurrent callers wait for one refresh and share its token.</summary>
public sealed partial class ZohoTokenService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    ZohoDataCenters dataCenters,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<ZohoTokenService> logger)
{
    /// <summary>Tokens are renewed this long before Zoho's expiry.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>How long a refreshing instance holds the lease; one that dies while refreshing is replaced after this.</summary>
    public static readonly TimeSpan RefreshLease = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting instance looks for the token another instance is refreshing.</summary>
    private static readonly TimeSpan WaitPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How many looks a waiting instance makes before giving up for now (about the lease's length).</summary>
    private const int MaxWaitPolls = 150;

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<int, (string Token, DateTimeOffset ExpiresAt)> _cache = new();
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private int _refreshCount;

    private readonly ZohoAccountsClient _accounts = new(httpClientFactory);

    /// <summary>How many refreshes this instance made (diagnostics and tests).</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>A usable access token. <paramref name="rejectedToken"/> is a token Zoho just refused (INVALID_OAUTH): it is
    /// not handed out again, and a refresh happens unless another caller or instance already replaced it.</summary>
    public async Task<string> GetAccessTokenAsync(int connectionId, string? rejectedToken = null, CancellationToken cancellationToken = default)
    {
        if (TryCached(connectionId, rejectedToken) is { } cached)
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(connectionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryCached(connectionId, rejectedToken) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            for (var poll = 0; ; poll++)
            {
                if (await TryStoredAsync(connectionId, rejectedToken, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    return stored;
                }

                if (await TryTakeLeaseAsync(connectionId, cancellationToken).ConfigureAwait(false))
                {
                    return await RefreshUnderLeaseAsync(connectionId, rejectedToken, cancellationToken).ConfigureAwait(false);
                }

                if (poll == MaxWaitPolls)
                {
                    throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Transient,
                        "Another instance is renewing the Zoho access token and has not finished yet; trying again later.");
                }

                await Task.Delay(WaitPoll, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Records that Zoho refused a freshly refreshed token too: the connection needs an admin.</summary>
    public async Task ReportAuthFailureAsync(int connectionId, string message, CancellationToken cancellationToken = default)
    {
        _cache.TryRemove(connectionId, out _);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await db.ZohoConnections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
        if (connection is not null)
        {
            connection.LastAuthError = message;
            connection.LastAuthErrorAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets cached tokens of a connection (after connecting again or revoking).</summary>
    public void Forget(int connectionId) => _cache.TryRemove(connectionId, out _);

    /// <summary>The stored token when it is good for longer than the margin and is not the one Zoho refused.</summary>
    private async Task<string?> TryStoredAsync(int connectionId, string? rejectedToken, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await db.ZohoConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
        if (connection?.RefreshToken is null || connection.ClientSecret is null)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Authentication,
                ZohoAuthError.Describe("Zoho Desk is not connected."));
        }

        if (connection.AccessToken is { } stored && connection.AccessTokenExpiresAt is { } storedExpiry && stored != rejectedToken)
        {
            var expiresAt = new DateTimeOffset(storedExpiry, TimeSpan.Zero);
            if (expiresAt - RefreshMargin > time.GetUtcNow())
            {
                _cache[connectionId] = (stored, expiresAt);
                return stored;
            }
        }

        return null;
    }

    /// <summary>One conditional update: the lease is free or ran out → it is ours. Exactly one instance wins.</summary>
    private async Task<bool> TryTakeLeaseAsync(int connectionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var taken = await db.ZohoConnections
            .Where(c => c.Id == connectionId && (c.TokenRefreshOwner == null || c.TokenRefreshLeaseExpiresAt == null || c.TokenRefreshLeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.TokenRefreshOwner, _owner)
                .SetProperty(c => c.TokenRefreshLeaseExpiresAt, now + RefreshLease), cancellationToken).ConfigureAwait(false);
        return taken == 1;
    }

    private async Task<string> RefreshUnderLeaseAsync(int connectionId, string? rejectedToken, CancellationToken cancellationToken)
    {
        try
        {
            // Another instance may have stored a new token between our look and taking the lease.
            if (await TryStoredAsync(connectionId, rejectedToken, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var connection = await db.ZohoConnections.SingleAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var hosts = dataCenters.Resolve(connection.DataCenter);
            try
            {
                Interlocked.Increment(ref _refreshCount);
                var token = await _accounts.RefreshAsync(hosts.AccountsUrl, connection.ClientId, connection.ClientSecret!,
                    connection.RefreshToken!, cancellationToken).ConfigureAwait(false);
                var expiresAt = now.AddSeconds(token.ExpiresIn ?? 3600);
                connection.AccessToken = token.AccessToken;
                connection.AccessTokenExpiresAt = expiresAt.UtcDateTime;
                connection.ApiDomain = token.ApiDomain ?? connection.ApiDomain;
                connection.UpdatedAt = now.UtcDateTime;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                _cache[connectionId] = (token.AccessToken!, expiresAt);
                LogRefreshed(logger, connectionId, expiresAt);
                return token.AccessToken!;
            }
            catch (ExternalApiException ex) when (ex.Category == FailureCategory.Authentication)
            {
                connection.AccessToken = null;
                connection.AccessTokenExpiresAt = null;
                connection.LastAuthError = ex.Message;
                connection.LastAuthErrorAt = now.UtcDateTime;
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                _cache.TryRemove(connectionId, out _);
                LogRefreshRejected(logger, connectionId, ex.VendorErrorCode);
                throw;
            }
        }
        finally
        {
            await ReleaseLeaseAsync(connectionId).ConfigureAwait(false);
        }
    }

    private async Task ReleaseLeaseAsync(int connectionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ZohoConnections
            .Where(c => c.Id == connectionId && c.TokenRefreshOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.TokenRefreshOwner, (string?)null)
                .SetProperty(c => c.TokenRefreshLeaseExpiresAt, (DateTime?)null), CancellationToken.None).ConfigureAwait(false);
    }

    private string? TryCached(int connectionId, string? rejectedToken) =>
        _cache.TryGetValue(connectionId, out var entry) && entry.Token != rejectedToken
            && entry.ExpiresAt - RefreshMargin > time.GetUtcNow()
            ? entry.Token
            : null;

    [LoggerMessage(LogLevel.Information, "Refreshed the Zoho access token of connection {ConnectionId}; valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, int connectionId, DateTimeOffset expiresAt);

    [LoggerMessage(LogLevel.Warning, "Zoho refused to refresh the access token of connection {ConnectionId} ({ErrorCode})")]
    private static partial void LogRefreshRejected(ILogger logger, int connectionId, string? errorCode);
}
