using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Remote issue links (upserted by globalId; an update replaces the whole link) and issue properties.</summary>
internal static class JiraSandboxLinkEndpoints
{
    public const int MaxPropertyValueChars = 32_768;

    public static void Map(RouteGroupBuilder site)
    {
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/remotelink", ListLinks);
        site.MapPost("/rest/api/3/issue/{issueIdOrKey}/remotelink", UpsertLinkAsync);
        site.MapDelete("/rest/api/3/issue/{issueIdOrKey}/remotelink", DeleteLink);
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/properties", PropertyKeys);
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", GetProperty);
        site.MapPut("/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", SetPropertyAsync);
        site.MapDelete("/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", DeleteProperty);
    }

    private static JsonObject LinkJson(SimRemoteLink link, SimIssue issue, string site)
    {
        var json = new JsonObject
        {
            ["id"] = link.Id,
            ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/remotelink/{link.Id}",
        };
        foreach (var (key, value) in link.Request)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    private static IResult ListLinks(HttpContext http, JiraSandboxState state, string issueIdOrKey, [FromQuery(Name = "globalId")] string? globalId)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (globalId is not null)
            {
                var one = issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId);
                return one is null ? JiraSandboxHttp.Error(404, "No remote link with this global id.") : JiraSandboxHttp.Json(LinkJson(one, issue, site));
            }

            return JiraSandboxHttp.Json(new JsonArray([.. issue.RemoteLinks.Select(l => (JsonNode)LinkJson(l, issue, site))]));
        }
    }

    private static async Task<IResult> UpsertLinkAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, string issueIdOrKey)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body is not JsonObject request || request["object"] is not JsonObject remote)
        {
            return JiraSandboxHttp.FieldErrors(400, new Dictionary<string, string> { ["object"] = "'object' is required." });
        }

        if (remote["title"] is not JsonValue title || title.GetValueKind() != JsonValueKind.String || title.GetValue<string>().Length == 0)
        {
            errors["title"] = "'title' is required.";
        }

        if (remote["url"] is not JsonValue url || url.GetValueKind() != JsonValueKind.String || url.GetValue<string>().Length == 0)
        {
            errors["url"] = "'url' is required.";
        }

        if (errors.Count > 0)
        {
            return JiraSandboxHttp.FieldErrors(400, errors);
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var globalId = request["globalId"] is JsonValue g && g.GetValueKind() == JsonValueKind.String ? g.GetValue<string>() : null;
            var stored = (JsonObject)request.DeepClone();
            var existing = globalId is null ? null : issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId);
            if (existing is not null)
            {
                existing.Request = stored;
                return JiraSandboxHttp.Json(new JsonObject { ["id"] = existing.Id, ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/remotelink/{existing.Id}" });
            }

            if (issue.RemoteLinks.Count >= 2000)
            {
                return JiraSandboxHttp.Error(413, "The issue has reached its limit of 2000 remote links.");
            }

            var link = new SimRemoteLink { Id = state.NextRemoteLinkId(), GlobalId = globalId, Request = stored };
            issue.RemoteLinks.Add(link);
            return JiraSandboxHttp.Json(new JsonObject { ["id"] = link.Id, ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/remotelink/{link.Id}" }, 201);
        }
    }

    private static IResult DeleteLink(JiraSandboxState state, string issueIdOrKey, [FromQuery(Name = "globalId")] string? globalId)
    {
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (string.IsNullOrEmpty(globalId))
            {
                return JiraSandboxHttp.Error(400, "The global id is required.");
            }

            return issue.RemoteLinks.RemoveAll(l => l.GlobalId == globalId) > 0 ? Results.NoContent() : JiraSandboxHttp.Error(404, "No remote link with this global id.");
        }
    }

    private static IResult PropertyKeys(HttpContext http, JiraSandboxState state, string issueIdOrKey)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            return JiraSandboxHttp.Json(new JsonObject
            {
                ["keys"] = new JsonArray([.. issue.Properties.Keys.Select(k => (JsonNode)new JsonObject
                {
                    ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/properties/{Uri.EscapeDataString(k)}",
                    ["key"] = k,
                })]),
            });
        }
    }

    private static IResult GetProperty(JiraSandboxState state, string issueIdOrKey, string propertyKey)
    {
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            return issue.Properties.TryGetValue(propertyKey, out var value)
                ? JiraSandboxHttp.Json(new JsonObject { ["key"] = propertyKey, ["value"] = value.DeepClone() })
                : JiraSandboxHttp.Error(404, $"The property with key '{propertyKey}' does not exist.");
        }
    }

    private static async Task<IResult> SetPropertyAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, string issueIdOrKey, string propertyKey)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null)
        {
            return JiraSandboxHttp.Error(400, "The property value must not be empty.");
        }

        if (propertyKey.Length > 255)
        {
            return JiraSandboxHttp.Error(400, "The property key must not be longer than 255 characters.");
        }

        if (body.ToJsonString().Length > MaxPropertyValueChars)
        {
            return JiraSandboxHttp.Error(400, $"The property value must not be longer than {MaxPropertyValueChars} characters.");
        }

        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var created = !issue.Properties.ContainsKey(propertyKey);
            issue.Properties[propertyKey] = body.DeepClone();
            return Results.StatusCode(created ? 201 : 200);
        }
    }

    private static IResult DeleteProperty(JiraSandboxState state, string issueIdOrKey, string propertyKey)
    {
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            return issue.Properties.Remove(propertyKey)
                ? Results.NoContent()
                : JiraSandboxHttp.Error(404, $"The property with key '{propertyKey}' does not exist.");
        }
    }
}
