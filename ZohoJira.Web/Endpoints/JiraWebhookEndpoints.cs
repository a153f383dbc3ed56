using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Sync;

namespace ZohoJira.Web.Endpoints;

public static partial class JiraWebhookEndpoints
{
    /// <summary>Where Jira delivers the admin webhook.</summary>
    public const string Path = "/webhooks/jira";

    /// <summary>Largest body accepted. Issue, comment and attachment events are a few kilobytes; Jira itself drops
    /// payloads over 25 MB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Receives Jira admin webhooks: verify, store, acknowledge.</summary>
    public static IEndpointRouteBuilder MapJiraWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The absolute URL Jira must call: <c>App:PublicBaseUrl</c>, or the first address the server listens on.</summary>
    public static Uri ReceiverUrl(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configured = services.GetRequiredService<IOptions<AppUrlOptions>>().Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return new Uri(Loopback(baseUrl).TrimEnd('/') + Path);
    }

    /// <summary>Checks the <c>X-Hub-Signature</c> HMAC over the raw body in constant time, stores the event once per
    /// <c>X-Atlassian-Webhook-Identifier</c> and answers 200. Bad or missing signature: 401 and nothing stored. Events we
    /// do not handle are acknowledged too, so Jira does not retry them.</summary>
    internal static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync(
        HttpContext http,
        JiraConnectionService connections,
        InboundEventStore events,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(JiraWebhookEndpoints).FullName!);

        // Answers go to Jira as they are: no HTML status page in place of an empty 401/413.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + (16 * 1024);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http.Request.Body, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verification = await connections.GetWebhookVerificationAsync(cancellationToken);
        if (verification is not { } v || !JiraWebhookSignature.Verify(v.Secret, body, http.Request.Headers[JiraWebhookSignature.HeaderName]))
        {
            LogRejected(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Unauthorized();
        }

        if (!JiraWebhookParser.TryParse(body, out var parsed) || parsed is null)
        {
            LogMalformed(logger);
            return TypedResults.BadRequest("The body is not a Jira webhook event.");
        }

        // The signature is not bound to time: a delivery far outside Jira's retry window (five retries, minutes apart) is
        // a replay of a captured one.
        var now = time.GetUtcNow();
        if (parsed.Timestamp is { } sentAt && (sentAt < now - MaxDeliveryAge || sentAt > now + MaxClockAhead))
        {
            LogStale(logger, parsed.EventType, sentAt);
            return TypedResults.BadRequest("The delivery's timestamp is outside the accepted window.");
        }

        // The identifier header is not signed, so the signed body is the key: Jira retries send the same body.
        var dedupeKey = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        var stored = await events.TryAddAsync(InboundEventStore.JiraSource, dedupeKey, parsed.EventType, System.Text.Encoding.UTF8.GetString(body), cancellationToken);
        await connections.RecordWebhookEventAsync(cancellationToken);
        LogReceived(logger, parsed.EventType, parsed.IssueKey ?? parsed.AttachmentId ?? "-", stored, parsed.IsMadeBy(v.AccountId));
        return TypedResults.Ok();
    }

    /// <summary>Oldest delivery accepted: Jira retries for a little over an hour, so a day is generous.</summary>
    public static readonly TimeSpan MaxDeliveryAge = TimeSpan.FromHours(24);

    /// <summary>How far ahead of our clock a delivery's timestamp may be.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(10);

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
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

        return buffer.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "Rejected a Jira webhook with a missing or wrong signature from {Remote}")]
    private static partial void LogRejected(ILogger logger, string remote);

    [LoggerMessage(LogLevel.Warning, "Refused a signed Jira webhook whose body is not a Jira event")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Refused a signed Jira webhook {EventType} sent at {SentAt}, outside the accepted window (a replay?)")]
    private static partial void LogStale(ILogger logger, string eventType, DateTimeOffset sentAt);

    [LoggerMessage(LogLevel.Information, "Jira webhook {EventType} for {Subject}: stored {Stored}, made by the connector {OwnChange}")]
    private static partial void LogReceived(ILogger logger, string eventType, string subject, bool stored, bool ownChange);

    /// <summary>A wildcard listening address (http://+:80, http://[::]:5000) named as a host a client can call.</summary>
    private static string Loopback(string address) => address
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
}
