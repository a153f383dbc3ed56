using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Core.Connections;

/// <summary>Hands out Zoho access tokens: the stored one while it is good for more than a few minutes, otherwise a new one
/// from the refresh token. Refreshes are single-flight per connection: concurrent callers wait for one refresh and share
/// its token (Zoho limits access tokens per refresh token and throttles token requests).</summary>
public sealed partial class ZohoTokenService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    ZohoDataCenters dataCenters,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<ZohoTokenService> logger)
{
    /// <summary>Tokens are renewed this long before Zoho's expiry.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<int, (string Token, DateTimeOffset ExpiresAt)> _cache = new();
    private int _refreshCount;

    private readonly ZohoAccountsClient _accounts = new(httpClientFactory);

    /// <summary>How many refreshes this process made (diagnostics and tests).</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>A usable access token. <paramref name="rejectedToken"/> is a token Zoho just refused (INVALID_OAUTH): it is
    /// not handed out again, and a refresh happens unless another caller already replaced it.</summary>
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

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var connection = await db.ZohoConnections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
            if (connection?.RefreshToken is null || connection.ClientSecret is null)
            {
                throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Authentication,
                    ZohoAuthError.Describe("Zoho Desk is not connected."));
            }

            var now = time.GetUtcNow();
            if (connection.AccessToken is { } stored && connection.AccessTokenExpiresAt is { } storedExpiry
                && stored != rejectedToken && new DateTimeOffset(storedExpiry, TimeSpan.Zero) - RefreshMargin > now)
            {
                _cache[connectionId] = (stored, new DateTimeOffset(storedExpiry, TimeSpan.Zero));
                return stored;
            }

            var hosts = dataCenters.Resolve(connection.DataCenter);
            try
            {
                Interlocked.Increment(ref _refreshCount);
                var token = await _accounts.RefreshAsync(hosts.AccountsUrl, connection.ClientId, connection.ClientSecret,
                    connection.RefreshToken, cancellationToken).ConfigureAwait(false);
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
