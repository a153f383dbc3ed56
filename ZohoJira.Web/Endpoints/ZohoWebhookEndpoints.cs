using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Web.Endpoints;

public static partial class ZohoWebhookEndpoints
{
    /// <summary>The path Zoho Desk posts to; the last segment is the connection's unguessable URL token.</summary>
    public const string PathPrefix = ZohoWebhookAddress.PathPrefix;

    /// <summary>Deliveries larger than this are refused with 413 (a delivery is a few tickets' JSON).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Receives Zoho Desk webhooks: verify, store, acknowledge.</summary>
    public static IEndpointRouteBuilder MapZohoWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(PathPrefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        // Zoho reads only the status code: the app's friendly error pages must not replace it.
        group.AddEndpointFilter((context, next) =>
        {
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

        // Zoho checks the URL with a GET (then a POST) when the webhook is created or changed, and expects 200.
        group.MapGet("/{token}", async Task<Results<Ok, NotFound>> (string token, IDbContextFactory<ZohoJiraDbContext> dbFactory, CancellationToken cancellationToken) =>
            await FindConnectionAsync(dbFactory, token, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok());

        group.MapPost("/{token}", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        string token,
        HttpContext http,
        IDbContextFactory<ZohoJiraDbContext> dbFactory,
        ZohoWebhookVerifier verifier,
        WebhookTokenUses tokenUses,
        InboundEventStore events,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("ZohoJira.ZohoWebhooks");
        var connection = await FindConnectionAsync(dbFactory, token, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }

        if (connection.OrgId is null)
        {
            // Disconnected: Zoho removes a subscription that answers 410, and reconnecting registers a new one.
            return TypedResults.StatusCode(StatusCodes.Status410Gone);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Zoho validates a new URL with a GET and, failing that, a POST: an empty array is that probe.
        if (body.Trim() is "[]" or "")
        {
            return TypedResults.Ok();
        }

        var verification = await verifier.VerifyAsync(http.Request.Headers["X-ZDesk-JWT"].FirstOrDefault(), connection.DataCenter,
            connection.OrgId, connection.WebhookId, cancellationToken);
        if (!verification.IsValid)
        {
            LogRefused(logger, verification.Failure);
            return TypedResults.Unauthorized();
        }

        // The token does not sign the body: each token is good for one body only, so a captured one cannot carry another.
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        if (!await tokenUses.TryUseAsync(verification.TokenHash!, bodyHash, verification.ExpiresAt, cancellationToken))
        {
            LogRefused(logger, "the token was already used for another delivery");
            return TypedResults.Unauthorized();
        }

        IReadOnlyList<ZohoWebhookEvent> parsed;
        try
        {
            parsed = ZohoWebhookEvent.ParseDelivery(body);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return TypedResults.BadRequest();
        }

        var stored = 0;
        foreach (var item in parsed)
        {
            if (item.OrgId is not null && item.OrgId != connection.OrgId)
            {
                LogOtherOrg(logger, item.EventType);
                continue;
            }

            // Zoho sends no delivery id: the event itself (type, time, record state) identifies a repeat.
            var key = "zoho:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.Json)));
            if (await events.TryAddAsync(InboundEventStore.ZohoSource, key, item.EventType, item.Json, cancellationToken))
            {
                stored++;
            }
        }

        LogReceived(logger, parsed.Count, stored, verification.WebhookId);
        return TypedResults.Ok();
    }

    /// <summary>The connection whose URL token this is, found by the token's hash (the token itself is stored encrypted).</summary>
    private static async Task<Core.Connections.ZohoConnection?> FindConnectionAsync(
        IDbContextFactory<ZohoJiraDbContext> dbFactory, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxUrlTokenLength)
        {
            return null;
        }

        var hash = WebhookUrlTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ZohoConnections.AsNoTracking().Where(c => c.WebhookUrlTokenHash == hash).OrderBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private const int MaxUrlTokenLength = 128;

    private static async Task<string?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // Over the server's body limit (a chunked body has no length to check first).
            return null;
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(LogLevel.Warning, "Refused a Zoho webhook delivery: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? reason);

    [LoggerMessage(LogLevel.Warning, "Refused a malformed Zoho webhook delivery: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "Ignored a Zoho {EventType} event for another organization")]
    private static partial void LogOtherOrg(ILogger logger, string eventType);

    [LoggerMessage(LogLevel.Information, "Zoho webhook {WebhookId}: {Count} events received, {Stored} new")]
    private static partial void LogReceived(ILogger logger, int count, int stored, string? webhookId);
}
