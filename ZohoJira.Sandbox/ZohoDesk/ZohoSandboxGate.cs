using System.Globalization;
using ZohoJira.Core.Connections;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>What stands in front of every simulated Desk API call, in Zoho's order: scripted faults, the OAuth token
/// (<c>Zoho-oauthtoken</c> or <c>Bearer</c>) and the scopes the route needs (<see cref="ZohoSandboxScopes"/>), the orgId (header or query), unknown query parameters, the organization's
/// concurrency limit and daily credits (with Zoho's rate-limit headers).</summary>
internal sealed class ZohoSandboxGate(ZohoSandboxAccounts accounts, ZohoSandboxState state, ZohoSandboxFaults faults, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private long _used;
    private DateTimeOffset _day;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (SandboxConsole.SandboxConsoleCalls.IsConsoleCall(http))
        {
            // The sandbox console acting as the Zoho agent: no faults, credits or call counting (those are the connector's).
            return await next(context);
        }

        var request = http.Request;
        state.DeskBaseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/sandbox/zoho/desk";
        state.CountApiCall();
        if (faults.TakeNext() is { } fault)
        {
            if (fault.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return ZohoSandboxResults.Error(fault.Status, fault.ErrorCode, "Injected by the sandbox fault controls.");
        }

        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Zoho-oauthtoken ", StringComparison.Ordinal) ? authorization["Zoho-oauthtoken ".Length..]
            : authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..]
            : null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return ZohoSandboxResults.Error(401, "UNAUTHORIZED", "You are not authenticated to perform this operation.");
        }

        if (accounts.Check(token.Trim()) != SandboxTokenCheck.Valid)
        {
            return ZohoSandboxResults.Error(401, "INVALID_OAUTH", "The OAuth Token you provided is invalid.");
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<ZohoSandboxScopes>() is { } required)
        {
            var granted = accounts.ScopesOf(token.Trim());
            var missing = required.Names.Where(scope => !ZohoScopes.Covers(granted, scope)).ToList();
            if (missing.Count > 0)
            {
                return ZohoSandboxResults.Error(401, "SCOPE_MISMATCH",
                    $"The OAuth token does not have the scope this operation needs ({string.Join(", ", missing)}).");
            }
        }

        var isOrganizations = request.Path.Value?.EndsWith("/api/v1/organizations", StringComparison.Ordinal) == true;
        var orgId = request.Headers["orgId"].FirstOrDefault() ?? request.Query["orgId"].FirstOrDefault();
        if (!isOrganizations)
        {
            if (string.IsNullOrEmpty(orgId))
            {
                return ZohoSandboxResults.Invalid("orgId", "missing", "orgId is required in the header.");
            }

            if (orgId != ZohoSandboxState.OrgId)
            {
                return ZohoSandboxResults.Error(401, "OAUTH_ORG_MISMATCH", "The OAuth token does not belong to this organization.");
            }
        }

        var declared = http.GetEndpoint()?.Metadata.GetMetadata<ZohoSandboxQueryParameters>()?.Names ?? [];
        foreach (var key in request.Query.Keys)
        {
            if (key != "orgId" && !declared.Contains(key, StringComparer.Ordinal))
            {
                return ZohoSandboxResults.Invalid(key, "invalid", $"{key} is not a parameter of this API.");
            }
        }

        if (Interlocked.Increment(ref _inFlight) > faults.ConcurrencyLimit)
        {
            Interlocked.Decrement(ref _inFlight);
            return ZohoSandboxResults.Error(429, "TOO_MANY_REQUESTS", "You have sent too many requests simultaneously.");
        }

        try
        {
            var weight = Weight(http);
            long remaining;
            lock (_lock)
            {
                var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
                if (today != _day)
                {
                    _day = today;
                    _used = 0;
                }

                if (_used + weight > faults.DailyCredits)
                {
                    var reset = _day.AddDays(1) - time.GetUtcNow();
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers["X-Rate-Limit-Remaining-v3"] = Math.Max(0, faults.DailyCredits - _used).ToString(CultureInfo.InvariantCulture);
                    return ZohoSandboxResults.Error(429, "THRESHOLD_EXCEEDED", "You have made too many requests within a given amount of time.");
                }

                _used += weight;
                remaining = faults.DailyCredits - _used;
            }

            // A slow server: the call holds its concurrency slot while it waits.
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, http.RequestAborted);
            }

            http.Response.Headers["X-Rate-Limit-Request-Weight-v3"] = weight.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Rate-Limit-Remaining-v3"] = remaining.ToString(CultureInfo.InvariantCulture);
            return await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Zoho's credit cost: 1 for one record, 3 (up to 100 by offset) for a range.</summary>
    private static int Weight(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || !http.Request.Query.ContainsKey("from"))
        {
            return 1;
        }

        var from = int.TryParse(http.Request.Query["from"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : 0;
        return from switch
        {
            <= 2000 => 3,
            <= 10_000 => 5,
            <= 50_000 => 10,
            <= 100_000 => 50,
            _ => 100,
        };
    }
}
