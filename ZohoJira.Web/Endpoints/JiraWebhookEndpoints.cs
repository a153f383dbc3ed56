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
            return TypedResults.BadRequest("The body is not a Jira webhook event.");
        }

        // Jira keeps the identifier across retries; without one, the body itself identifies the delivery.
        var identifier = http.Request.Headers[JiraWebhookHeaders.Identifier].ToString();
        var dedupeKey = string.IsNullOrWhiteSpace(identifier) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)) : identifier;
        var stored = await events.TryAddAsync(InboundEventStore.JiraSource, dedupeKey, parsed.EventType, System.Text.Encoding.UTF8.GetString(body), cancellationToken);
        await connections.RecordWebhookEventAsync(cancellationToken);
        LogReceived(logger, parsed.EventType, parsed.IssueKey ?? parsed.AttachmentId ?? "-", stored, parsed.IsMadeBy(v.AccountId));
        return TypedResults.Ok();
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "Rejected a Jira webhook with a missing or wrong signature from {Remote}")]
    private static partial void LogRejected(ILogger logger, string remote);

    [LoggerMessage(LogLevel.Information, "Jira webhook {EventType} for {Subject}: stored {Stored}, made by the connector {OwnChange}")]
    private static partial void LogReceived(ILogger logger, string eventType, string subject, bool stored, bool ownChange);

    /// <summary>A wildcard listening address (http://+:80, http://[::]:5000) named as a host a client can call.</summary>
    private static string Loopback(string address) => address
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
}
