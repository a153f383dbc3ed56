using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZohoJira.Core.Users;

namespace ZohoJira.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>Header that unlocks the per-check details for monitoring, when <c>Health:DetailsToken</c> is set.</summary>
    public const string DetailsHeader = "X-Health-Token";

    /// <summary><c>/health</c>: the process answers (liveness). <c>/health/ready</c>: database and scheduler work. Strangers
    /// get the overall status only; an administrator, or a caller sending <see cref="DetailsHeader"/> with the configured
    /// <c>Health:DetailsToken</c>, also gets each check's status and description.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        object body = MayShowDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    private static bool MayShowDetails(HttpContext context)
    {
        if (context.User.IsInRole(nameof(AppRole.Admin)))
        {
            return true;
        }

        var expected = context.RequestServices.GetRequiredService<IConfiguration>()["Health:DetailsToken"];
        var given = context.Request.Headers[DetailsHeader].ToString();
        return !string.IsNullOrEmpty(expected) && given.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
