using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZohoJira.Core.Connections;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Verifies Zoho Desk's <c>X-ZDesk-JWT</c>: RS256, signed by a key of the Desk host's JWKS
/// (<c>/.well-known/jwks.json</c>), issuer <c>orgId:&lt;orgId&gt;</c>, audience <c>webhookId:&lt;id&gt;</c>, with an expiry
/// that has not passed and is not far away. The token does not cover the body, so the receiver must also accept each token
/// once. The JWKS is cached; an unknown key id fetches it again at most once a minute, so strangers cannot drive traffic
/// to Zoho.</summary>
public sealed partial class ZohoWebhookVerifier(
    IHttpClientFactory httpClientFactory,
    ZohoDataCenters dataCenters,
    TimeProvider time,
    ILogger<ZohoWebhookVerifier> logger)
{
    public const string HttpClientName = "ZohoJwks";

    /// <summary>Zoho's tokens live five minutes; a longer one was not made for a single delivery.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How far apart Zoho's clock and ours may be.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>A fetched key set is used this long before it is fetched again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

    /// <summary>At most one fetch per JWKS address in this period, whatever key ids strangers send (failures count).</summary>
    public static readonly TimeSpan MinFetchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longer headers are not Zoho's (its tokens are well under 1 kB).</summary>
    private const int MaxTokenLength = 8 * 1024;

    private readonly Dictionary<string, JwksEntry> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Checks one delivery's token. With <c>expectedWebhookId</c> (the subscription the connector made) the
    /// audience must be exactly <c>webhookId:&lt;id&gt;</c>; without it any subscription of the org is accepted, for one an
    /// admin created by hand (the URL token still has to match). Never throws for a bad token.</summary>
    public async Task<ZohoWebhookVerification> VerifyAsync(string? jwt, string dataCenter, string orgId, string? expectedWebhookId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataCenter);
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        if (string.IsNullOrWhiteSpace(jwt) || jwt.Length > MaxTokenLength)
        {
            return ZohoWebhookVerification.Refused("missing or unreadable X-ZDesk-JWT");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(jwt);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or JsonException or FormatException or InvalidOperationException)
        {
            return ZohoWebhookVerification.Refused("missing or unreadable X-ZDesk-JWT");
        }

        var jwksUrl = new Uri(dataCenters.Resolve(dataCenter).DeskUrl.ToString().TrimEnd('/') + "/.well-known/jwks.json");
        var keys = await GetKeysAsync(jwksUrl, token.Kid, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return ZohoWebhookVerification.Refused("the Zoho Desk signing keys are not available");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = $"orgId:{orgId}",
            ValidateAudience = true,
            AudienceValidator = (audiences, _, _) => expectedWebhookId is null
                ? audiences.Any(a => a.StartsWith("webhookId:", StringComparison.Ordinal) && a.Length > 10)
                : audiences.Contains($"webhookId:{expectedWebhookId}", StringComparer.Ordinal),
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],

            // The expiry is checked below: Zoho may send it in seconds or milliseconds.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or JsonException or FormatException or InvalidOperationException)
        {
            return ZohoWebhookVerification.Refused("signature, issuer or audience did not match");
        }

        if (!result.IsValid)
        {
            return ZohoWebhookVerification.Refused("signature, issuer or audience did not match");
        }

        if (ExpiresAt(token) is not { } expiresAt)
        {
            return ZohoWebhookVerification.Refused("the token has no usable expiry");
        }

        var now = time.GetUtcNow();
        if (expiresAt + ClockSkew < now)
        {
            return ZohoWebhookVerification.Refused("the token has expired");
        }

        if (expiresAt > now + MaxLifetime + ClockSkew)
        {
            return ZohoWebhookVerification.Refused("the token is valid for too long");
        }

        var audience = token.Audiences.FirstOrDefault(a => a.StartsWith("webhookId:", StringComparison.Ordinal));
        if (audience is null)
        {
            return ZohoWebhookVerification.Refused("signature, issuer or audience did not match");
        }

        return new ZohoWebhookVerification(true, audience["webhookId:".Length..], null)
        {
            TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jwt))),
            ExpiresAt = expiresAt + ClockSkew,
        };
    }

    /// <summary>Zoho's docs give exp in milliseconds while its example uses seconds: accept both, as a JSON number only.</summary>
    private static DateTimeOffset? ExpiresAt(JsonWebToken token)
    {
        try
        {
            if (!token.TryGetPayloadValue<long>("exp", out var value) || value <= 0 || value > 253_402_300_799_999)
            {
                return null;
            }

            return value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or InvalidOperationException or InvalidCastException)
        {
            return null;
        }
    }

    private async Task<JsonWebKeySet?> GetKeysAsync(Uri jwksUrl, string? kid, CancellationToken cancellationToken)
    {
        var key = jwksUrl.ToString();
        if (Usable(key, kid, out var cached, out var mayFetch) || !mayFetch)
        {
            return cached;
        }

        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have fetched while this one waited.
            if (Usable(key, kid, out cached, out mayFetch) || !mayFetch)
            {
                return cached;
            }

            JsonWebKeySet? fetched = null;
            try
            {
                var client = httpClientFactory.CreateClient(HttpClientName);
                var json = await client.GetStringAsync(jwksUrl, cancellationToken).ConfigureAwait(false);
                fetched = new JsonWebKeySet(json);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or ArgumentException)
            {
                LogJwksFailed(logger, jwksUrl.Host, ex.GetType().Name);
            }

            lock (_keys)
            {
                // A failure keeps the previous keys but still counts as an attempt.
                _keys[key] = new JwksEntry(fetched ?? cached, fetched is null ? _keys.GetValueOrDefault(key)?.FetchedAt ?? DateTimeOffset.MinValue : time.GetUtcNow(), time.GetUtcNow());
            }

            return fetched ?? cached;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>True when the cached set is fresh and knows the key id; <paramref name="mayFetch"/> says whether the
    /// once-a-minute budget allows a fetch now.</summary>
    private bool Usable(string key, string? kid, out JsonWebKeySet? keys, out bool mayFetch)
    {
        lock (_keys)
        {
            var now = time.GetUtcNow();
            if (!_keys.TryGetValue(key, out var entry))
            {
                keys = null;
                mayFetch = true;
                return false;
            }

            keys = entry.Keys;
            mayFetch = now - entry.AttemptedAt >= MinFetchInterval;
            var fresh = now - entry.FetchedAt < CacheFor;
            return entry.Keys is not null && fresh && (string.IsNullOrEmpty(kid) || entry.Keys.Keys.Any(k => k.Kid == kid));
        }
    }

    private sealed record JwksEntry(JsonWebKeySet? Keys, DateTimeOffset FetchedAt, DateTimeOffset AttemptedAt);

    [LoggerMessage(LogLevel.Warning, "Could not fetch the Zoho Desk JWKS from {Host} ({Error})")]
    private static partial void LogJwksFailed(ILogger logger, string host, string error);
}
