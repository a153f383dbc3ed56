using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Web.Security;

/// <summary>Security headers on every answer: no MIME sniffing, no referrer, HSTS over HTTPS, and a Content-Security-Policy
/// that allows what Blazor Server and the component library need (own scripts, the import map by its hash, inline style
/// attributes, the circuit's WebSocket) and nothing else. Pages may not be framed, except the issue panel, which the
/// connected Jira site (and only it) may embed.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IDbContextFactory<ZohoJiraDbContext> dbFactory, IHostEnvironment environment)
{
    /// <summary>The issue panel Jira embeds.</summary>
    public const string PanelPath = "/panel";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var frameAncestors = context.Request.Path.StartsWithSegments(PanelPath, StringComparison.OrdinalIgnoreCase)
            ? await JiraOriginAsync(context.RequestAborted) ?? "'none'"
            : "'none'";
        context.Response.OnStarting(() =>
        {
            Apply(context, frameAncestors);
            return Task.CompletedTask;
        });
        await next(context);
    }

    private void Apply(HttpContext context, string frameAncestors)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (frameAncestors == "'none'")
        {
            headers.XFrameOptions = "DENY";
        }

        if (context.Request.IsHttps && !environment.IsDevelopment())
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        // The circuit's WebSocket is same-origin; older browsers do not count ws(s) as 'self', so it is named.
        var socket = (context.Request.IsHttps ? "wss://" : "ws://") + context.Request.Host.Value;
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'" + ImportMapHash(context),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            $"connect-src 'self' {socket}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            $"frame-ancestors {frameAncestors}");
    }

    /// <summary>Blazor writes the import map as an inline script; allow exactly that script by its hash.</summary>
    private static string ImportMapHash(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is not { } map)
        {
            return string.Empty;
        }

        return " 'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString()))) + "'";
    }

    /// <summary>The scheme and host of the connected Jira site, or null without a connection.</summary>
    private async Task<string?> JiraOriginAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.JiraConnections.AsNoTracking().OrderBy(c => c.Id).Select(c => c.SiteUrl).FirstOrDefaultAsync(cancellationToken);
        return Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
