using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>In front of every simulated API call: seeds the site, applies scripted latency and failures, and checks Basic
/// authentication (account e-mail + API token) like Jira Cloud; unknown credentials get 401.</summary>
internal sealed class JiraSandboxGate(JiraSandboxState state, JiraSandboxFaults faults) : IEndpointFilter
{
    public const string AccountItem = "jira-sandbox-account";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        state.EnsureSeeded();
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        // The sandbox console acting as the Jira user skips the faults armed for the connector (it still signs in).
        var console = SandboxConsole.SandboxConsoleCalls.IsConsoleCall(http);
        if (faults.Latency > TimeSpan.Zero && !console)
        {
            await Task.Delay(faults.Latency, http.RequestAborted);
        }

        var account = Authenticate(http.Request.Headers.Authorization.ToString());
        if (account is null)
        {
            http.Response.Headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
            return JiraSandboxHttp.Error(401, "Client must be authenticated to access this resource.");
        }

        http.Items[AccountItem] = account;
        http.Response.Headers["X-AAccountId"] = account.AccountId;

        if (!console && faults.TakeFailure(http.Request.Path.Value ?? string.Empty) is { } failure)
        {
            if (failure.RetryAfter is { } retry)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (failure.StatusCode == 429)
            {
                http.Response.Headers["RateLimit-Reason"] = failure.Reason ?? "jira-burst-based";
                http.Response.Headers["X-RateLimit-Limit"] = "100";
                http.Response.Headers["X-RateLimit-Remaining"] = "0";
                http.Response.Headers["X-RateLimit-Reset"] = state.Time.GetUtcNow().Add(failure.RetryAfter ?? TimeSpan.FromSeconds(1)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                return JiraSandboxHttp.Error(429, "Rate limit exceeded.");
            }

            return JiraSandboxHttp.Error(failure.StatusCode, failure.StatusCode >= 500 ? "Internal server error." : "Request failed (sandbox fault).");
        }

        return await next(context);
    }

    private SimAccount? Authenticate(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        lock (state.Gate)
        {
            return state.FindAccount(decoded[..colon], decoded[(colon + 1)..]);
        }
    }
}
