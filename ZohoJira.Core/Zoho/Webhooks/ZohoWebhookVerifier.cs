using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZohoJira.Core.Connections;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Verifies Zoho Desk's <c>X-ZDesk-JWT</c>: RS256, signed by a key of the Desk host's JWKS
/// (<c>/.well-known/jwks.json</c>), issuer <c>orgId:&lt;orgId&gt;</c>, audience <c>webhookId:&lt;id&gt;</c>, not expired. The
/// JWKS is cached and fetched again when an unknown key id shows up.</summary>
public sealed partial class ZohoWebhookVerifier(
    IHttpClientFactory httpClientFactory,
    ZohoDataCenters dataCenters,
    TimeProvider time,
    ILogger<ZohoWebhookVerifier> logger)
{
    public const string HttpClientName = "ZohoJwks";

    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (JsonWebKeySet Keys, DateTimeOffset FetchedAt)> _keys = new();
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Checks one delivery's token. With <c>expectedWebhookId</c> (the subscription the connector made) the
    /// audience must be exactly <c>webhookId:&lt;id&gt;</c>; without it any subscription of the org is accepted, for one an
    /// admin created by hand (the URL token still has to match).</summary>
    public async Task<ZohoWebhookVerification> VerifyAsync(string? jwt, string dataCenter, string orgId, string? expectedWebhookId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataCenter);
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        if (string.IsNullOrWhiteSpace(jwt) || !_handler.CanReadToken(jwt))
        {
            return ZohoWebhookVerification.Refused("missing or unreadable X-ZDesk-JWT");
        }

        var jwksUrl = new Uri(dataCenters.Resolve(dataCenter).DeskUrl.ToString().TrimEnd('/') + "/.well-known/jwks.json");
        var token = _handler.ReadJsonWebToken(jwt);
        var keys = await GetKeysAsync(jwksUrl, token.Kid, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return ZohoWebhookVerification.Refused("the Zoho Desk signing keys could not be fetched");
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
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            LogRejected(logger, result.Exception?.GetType().Name);
            return ZohoWebhookVerification.Refused("signature, issuer or audience did not match");
        }

        // Zoho's docs give exp in milliseconds while its example uses seconds: accept both.
        if (token.TryGetPayloadValue<long>("exp", out var exp))
        {
            var expiresAt = exp > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(exp) : DateTimeOffset.FromUnixTimeSeconds(exp);
            if (expiresAt + ClockSkew < time.GetUtcNow())
            {
                return ZohoWebhookVerification.Refused("the token has expired");
            }
        }

        var audience = token.Audiences.First(a => a.StartsWith("webhookId:", StringComparison.Ordinal));
        return new ZohoWebhookVerification(true, audience["webhookId:".Length..], null);
    }

    private async Task<JsonWebKeySet?> GetKeysAsync(Uri jwksUrl, string? kid, CancellationToken cancellationToken)
    {
        var key = jwksUrl.ToString();
        if (_keys.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.FetchedAt < CacheFor
            && (kid is null || cached.Keys.Keys.Any(k => k.Kid == kid)))
        {
            return cached.Keys;
        }

        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(jwksUrl, cancellationToken).ConfigureAwait(false);
            var set = new JsonWebKeySet(json);
            _keys[key] = (set, time.GetUtcNow());
            return set;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or ArgumentException)
        {
            LogJwksFailed(logger, jwksUrl.Host, ex.GetType().Name);
            return cached.Keys;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Refused a Zoho webhook JWT ({Reason})")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(LogLevel.Warning, "Could not fetch the Zoho Desk JWKS from {Host} ({Error})")]
    private static partial void LogJwksFailed(ILogger logger, string host, string error);
}
