using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated webhook management (<c>/api/v1/webhooks</c>). Creating or changing the URL validates it like Zoho:
/// a GET that must answer 200 (then a POST), otherwise the call fails.</summary>
internal static class ZohoSandboxWebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/webhooks", (ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                return ZohoSandboxResults.List(state.Webhooks.Values.OrderBy(w => w["createdTime"]!.GetValue<string>(), StringComparer.Ordinal)
                    .Select(w => w.DeepClone().AsObject()).ToList());
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapGet("/webhooks/{webhookId}", (string webhookId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                return state.Webhooks.TryGetValue(webhookId, out var webhook) ? ZohoSandboxResults.Json(webhook.DeepClone()) : ZohoSandboxResults.NotFound();
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapPost("/webhooks", async (JsonObject? body, ZohoSandboxState state, IHttpClientFactory http, CancellationToken cancellationToken) =>
        {
            if (body?["url"] is not JsonValue url || !Uri.TryCreate(url.GetValue<string>(), UriKind.Absolute, out var target))
            {
                return ZohoSandboxResults.Invalid("url", "missing", "url is required.");
            }

            if (body["subscriptions"] is not JsonObject subscriptions || subscriptions.Count == 0)
            {
                return ZohoSandboxResults.Invalid("subscriptions", "missing", "subscriptions is required.");
            }

            if (!await ValidateUrlAsync(http, target, cancellationToken))
            {
                return ZohoSandboxResults.Error(500, "INTERNAL_SERVER_ERROR", "The webhook URL did not answer the validation request with 200.");
            }

            JsonObject webhook;
            lock (state.Gate)
            {
                if (state.Webhooks.Count >= 20)
                {
                    return ZohoSandboxResults.Error(422, "UNPROCESSABLE_ENTITY", "At most 20 webhooks can be configured.");
                }

                var now = ZohoSandboxState.Format(state.Now);
                webhook = new JsonObject
                {
                    ["id"] = state.NewId(),
                    ["name"] = body["name"]?.DeepClone(),
                    ["url"] = target.ToString(),
                    ["description"] = body["description"]?.DeepClone(),
                    ["isEnabled"] = body["isEnabled"]?.GetValue<bool>() ?? true,
                    ["type"] = "CUSTOMER_WEBHOOK",
                    ["createdBy"] = state.Agents[0]["id"]!.GetValue<string>(),
                    ["createdTime"] = now,
                    ["modifiedTime"] = now,
                    ["subscriptions"] = subscriptions.DeepClone(),
                    ["includeEventsFrom"] = body["includeEventsFrom"]?.DeepClone() ?? new JsonArray(),
                    ["ignoreSourceId"] = body["ignoreSourceId"]?.DeepClone(),
                };
                state.Webhooks[webhook["id"]!.GetValue<string>()] = webhook;
            }

            return ZohoSandboxResults.Json(webhook.DeepClone());
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapPatch("/webhooks/{webhookId}", async (string webhookId, JsonObject? body, ZohoSandboxState state, IHttpClientFactory http, CancellationToken cancellationToken) =>
        {
            if (body is null || body.Count == 0)
            {
                return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
            }

            if (body["url"] is JsonValue url && (!Uri.TryCreate(url.GetValue<string>(), UriKind.Absolute, out var target)
                || !await ValidateUrlAsync(http, target, cancellationToken)))
            {
                return ZohoSandboxResults.Error(500, "INTERNAL_SERVER_ERROR", "The webhook URL did not answer the validation request with 200.");
            }

            lock (state.Gate)
            {
                if (!state.Webhooks.TryGetValue(webhookId, out var webhook))
                {
                    return ZohoSandboxResults.NotFound();
                }

                foreach (var (name, value) in body)
                {
                    if (name is "name" or "url" or "description" or "isEnabled" or "subscriptions" or "includeEventsFrom" or "ignoreSourceId")
                    {
                        webhook[name] = value?.DeepClone();
                    }
                }

                webhook["modifiedTime"] = ZohoSandboxState.Format(state.Now);
                return ZohoSandboxResults.Json(webhook.DeepClone());
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapDelete("/webhooks/{webhookId}", (string webhookId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                return state.Webhooks.Remove(webhookId) ? Results.Ok() : ZohoSandboxResults.NotFound();
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());
    }

    private static async Task<bool> ValidateUrlAsync(IHttpClientFactory http, Uri url, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(ZohoSandboxWebhookDispatcher.HttpClientName);
        try
        {
            using (var get = await client.GetAsync(url, cancellationToken))
            {
                if ((int)get.StatusCode == 200)
                {
                    return true;
                }
            }

            using var post = await client.PostAsync(url, new StringContent("[]", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
            return (int)post.StatusCode == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
