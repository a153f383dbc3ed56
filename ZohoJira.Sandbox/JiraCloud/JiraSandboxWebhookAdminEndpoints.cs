using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The admin webhook API (<c>/rest/webhooks/1.0/webhook</c>; not in the v3 OpenAPI document). Administrators only;
/// the secret is write-only and kept when an update omits it.</summary>
internal static class JiraSandboxWebhookAdminEndpoints
{
    private const string FilterName = "issue-related-events-section";

    public static void Map(RouteGroupBuilder site)
    {
        site.MapGet("/rest/webhooks/1.0/webhook", List);
        site.MapPost("/rest/webhooks/1.0/webhook", RegisterAsync);
        site.MapGet("/rest/webhooks/1.0/webhook/{id}", Get);
        site.MapPut("/rest/webhooks/1.0/webhook/{id}", UpdateAsync);
        site.MapDelete("/rest/webhooks/1.0/webhook/{id}", Delete);
    }

    private static JsonObject Json(SimWebhook hook, string site)
    {
        var filters = new JsonObject();
        if (hook.Jql is not null)
        {
            filters[FilterName] = hook.Jql;
        }

        return new JsonObject
        {
            ["name"] = hook.Name,
            ["url"] = hook.Url,
            ["events"] = new JsonArray([.. hook.Events.Select(e => (JsonNode)e)]),
            ["filters"] = filters,
            ["excludeBody"] = hook.ExcludeBody,
            ["enabled"] = hook.Enabled,
            ["self"] = $"{site}/rest/webhooks/1.0/webhook/{hook.Id}",
            ["lastUpdatedUser"] = hook.Owner.AccountId,
            ["lastUpdatedDisplayName"] = hook.Owner.DisplayName,
        };
    }

    private static IResult? RequireAdmin(HttpContext http) => JiraSandboxHttp.Caller(http).IsAdmin
        ? null
        : JiraSandboxHttp.Error(403, "You must have the Administer Jira global permission to manage webhooks.");

    private static IResult List(HttpContext http, JiraSandboxState state)
    {
        if (RequireAdmin(http) is { } denied)
        {
            return denied;
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            return JiraSandboxHttp.Json(new JsonArray([.. state.Webhooks.Select(h => (JsonNode)Json(h, site))]));
        }
    }

    private static IResult Get(HttpContext http, JiraSandboxState state, string id)
    {
        if (RequireAdmin(http) is { } denied)
        {
            return denied;
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var hook = Find(state, id);
            return hook is null ? JiraSandboxHttp.Error(404, "Webhook not found.") : JiraSandboxHttp.Json(Json(hook, site));
        }
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, JiraSandboxState state)
    {
        if (RequireAdmin(http) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var (values, invalid) = Read(body as JsonObject, state, null);
        if (invalid is not null)
        {
            return invalid;
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var hook = new SimWebhook
            {
                Id = state.NextWebhookId(),
                Name = values!.Name!,
                Url = values.Url!,
                Events = values.Events!,
                Jql = values.Jql,
                Secret = values.Secret,
                ExcludeBody = values.ExcludeBody ?? false,
                Enabled = values.Enabled ?? true,
                Owner = JiraSandboxHttp.Caller(http),
            };
            state.Webhooks.Add(hook);
            return JiraSandboxHttp.Json(Json(hook, site), 201);
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, JiraSandboxState state, string id)
    {
        if (RequireAdmin(http) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var hook = Find(state, id);
            if (hook is null)
            {
                return JiraSandboxHttp.Error(404, "Webhook not found.");
            }

            var (values, invalid) = Read(body as JsonObject, state, hook);
            if (invalid is not null)
            {
                return invalid;
            }

            hook.Name = values!.Name!;
            hook.Url = values.Url!;
            hook.Events = values.Events!;
            hook.Jql = values.Jql;
            hook.Secret = values.Secret ?? hook.Secret;
            hook.ExcludeBody = values.ExcludeBody ?? hook.ExcludeBody;
            hook.Enabled = values.Enabled ?? hook.Enabled;
            return JiraSandboxHttp.Json(Json(hook, site));
        }
    }

    private static IResult Delete(HttpContext http, JiraSandboxState state, string id)
    {
        if (RequireAdmin(http) is { } denied)
        {
            return denied;
        }

        lock (state.Gate)
        {
            var hook = Find(state, id);
            if (hook is null)
            {
                return JiraSandboxHttp.Error(404, "Webhook not found.");
            }

            state.Webhooks.Remove(hook);
            return Results.NoContent();
        }
    }

    private static SimWebhook? Find(JiraSandboxState state, string id) =>
        long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? state.Webhooks.FirstOrDefault(h => h.Id == n) : null;

    private static (HookValues? Values, IResult? Problem) Read(JsonObject? body, JiraSandboxState state, SimWebhook? existing)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Text(body?["name"]) ?? existing?.Name;
        var url = Text(body?["url"]) ?? existing?.Url;
        var events = body?["events"] is JsonArray list ? list.Select(Text).OfType<string>().ToList() : existing?.Events;
        var jql = body?["filters"]?[FilterName] is { } filter ? Text(filter) : existing?.Jql;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = "The webhook needs a name.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            errors["url"] = "The webhook URL must be an absolute http(s) URL.";
        }

        if (events is null || events.Count == 0)
        {
            errors["events"] = "Choose at least one event.";
        }

        if (!string.IsNullOrWhiteSpace(jql))
        {
            try
            {
                JiraSandboxJql.Parse(jql, state.Time.GetUtcNow());
            }
            catch (FormatException ex)
            {
                errors["filters"] = ex.Message;
            }
        }

        if (errors.Count > 0)
        {
            return (null, JiraSandboxHttp.FieldErrors(400, errors));
        }

        var exclude = body?["excludeBody"] is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? e.GetValue<bool>() : (bool?)null;
        var enabled = body?["enabled"] is JsonValue en && en.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? en.GetValue<bool>() : (bool?)null;
        return (new HookValues(name, url, events, string.IsNullOrWhiteSpace(jql) ? null : jql, Text(body?["secret"]), exclude, enabled), null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private sealed record HookValues(string? Name, string? Url, List<string>? Events, string? Jql, string? Secret, bool? ExcludeBody, bool? Enabled);
}
