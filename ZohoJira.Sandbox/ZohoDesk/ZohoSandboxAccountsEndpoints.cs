using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated Zoho Accounts: <c>/oauth/v2/token</c> (form body or query string, errors with HTTP 200),
/// <c>/oauth/v2/token/revoke</c>, and a sandbox-only "generate code" that stands in for the API console.</summary>
internal static class ZohoSandboxAccountsEndpoints
{
    public static void Map(RouteGroupBuilder accounts)
    {
        accounts.MapPost("/oauth/v2/token", async (HttpRequest request, ZohoSandboxAccounts oauth) =>
        {
            var form = await ReadParametersAsync(request);
            return ZohoSandboxResults.Json(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(oauth.Token(form)))!);
        });

        accounts.MapPost("/oauth/v2/token/revoke", async (HttpRequest request, ZohoSandboxAccounts oauth) =>
        {
            var form = await ReadParametersAsync(request);
            return oauth.Revoke(form.GetValueOrDefault("token"))
                ? ZohoSandboxResults.Json(new JsonObject { ["status"] = "success" })
                : ZohoSandboxResults.Json(new JsonObject { ["error"] = "invalid_token", ["status"] = "failure" }, 400);
        });

        // Stands in for the API console's "Generate Code" tab of a Self Client (sandbox only).
        accounts.MapPost("/sandbox/self-client/code", (ZohoSandboxAccounts oauth) => Results.Json(oauth.GenerateCode()));
    }

    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
        }

        return values;
    }
}
