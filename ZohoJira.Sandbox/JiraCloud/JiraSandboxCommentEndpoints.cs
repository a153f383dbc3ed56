using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Issue comments, bodies in ADF only (a plain string is refused like Jira v3 refuses it).</summary>
internal static class JiraSandboxCommentEndpoints
{
    public const int MaxCommentsPerIssue = 5000;

    public static void Map(RouteGroupBuilder site)
    {
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/comment", List);
        site.MapPost("/rest/api/3/issue/{issueIdOrKey}/comment", AddAsync);
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/comment/{id}", Get);
        site.MapPut("/rest/api/3/issue/{issueIdOrKey}/comment/{id}", UpdateAsync);
        site.MapDelete("/rest/api/3/issue/{issueIdOrKey}/comment/{id}", Delete);
    }

    private static IResult List(
        HttpContext http,
        JiraSandboxState state,
        string issueIdOrKey,
        [FromQuery(Name = "startAt")] int? startAt,
        [FromQuery(Name = "maxResults")] int? maxResults,
        [FromQuery(Name = "orderBy")] string? orderBy,
        [FromQuery(Name = "expand")] string? expand)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            var start = Math.Max(0, startAt ?? 0);
            var size = Math.Clamp(maxResults ?? 100, 1, 100);
            var ordered = orderBy == "-created" ? issue.Comments.AsEnumerable().Reverse() : issue.Comments;
            var rendered = JiraSandboxHttp.Split(expand).Contains("renderedBody");
            return JiraSandboxHttp.Json(new JsonObject
            {
                ["startAt"] = start,
                ["maxResults"] = size,
                ["total"] = issue.Comments.Count,
                ["comments"] = new JsonArray([.. ordered.Skip(start).Take(size).Select(c => (JsonNode)JiraSandboxJson.Comment(c, issue, site, rendered,
                    JiraSandboxHttp.Split(expand).Contains("properties")))]),
            });
        }
    }

    private static IResult Get(HttpContext http, JiraSandboxState state, string issueIdOrKey, string id, [FromQuery(Name = "expand")] string? expand)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            var comment = issue?.Comments.FirstOrDefault(c => c.Id == id);
            return issue is null || comment is null
                ? JiraSandboxHttp.Error(404, "Can not find a comment for the id: " + id + ".")
                : JiraSandboxHttp.Json(JiraSandboxJson.Comment(comment, issue, site, JiraSandboxHttp.Split(expand).Contains("renderedBody"),
                    JiraSandboxHttp.Split(expand).Contains("properties")));
        }
    }

    private static async Task<IResult> AddAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, JiraSandboxWebhooks webhooks,
        string issueIdOrKey, [FromQuery(Name = "expand")] string? expand)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var site = JiraSandboxHttp.Site(http);
        var caller = JiraSandboxHttp.Caller(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if (Invalid(body?["body"]) is { } invalid)
            {
                return invalid;
            }

            if (InvalidExtras((JsonObject)body!) is { } badExtras)
            {
                return badExtras;
            }

            if (issue.Comments.Count >= MaxCommentsPerIssue)
            {
                return JiraSandboxHttp.Error(413, $"The issue has reached its limit of {MaxCommentsPerIssue} comments.");
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var now = state.Time.GetUtcNow();
            var comment = new SimComment
            {
                Id = state.NextCommentId(),
                Author = caller,
                UpdateAuthor = caller,
                Body = (JsonObject)body!["body"]!.DeepClone(),
                Created = now,
                Updated = now,
            };
            ApplyExtras(comment, (JsonObject)body!);
            issue.Comments.Add(comment);
            issue.Updated = now;
            webhooks.Publish(state, JiraWebhookEvents.CommentCreated, JiraSandboxEvents.Comment(JiraWebhookEvents.CommentCreated, comment, issue, state, site), issue);
            return JiraSandboxHttp.Json(JiraSandboxJson.Comment(comment, issue, site, JiraSandboxHttp.Split(expand).Contains("renderedBody"),
                JiraSandboxHttp.Split(expand).Contains("properties")), 201);
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, JiraSandboxWebhooks webhooks,
        string issueIdOrKey, string id,
        [FromQuery(Name = "notifyUsers")] bool? notifyUsers,
        [FromQuery(Name = "expand")] string? expand)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var site = JiraSandboxHttp.Site(http);
        var caller = JiraSandboxHttp.Caller(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            var comment = issue?.Comments.FirstOrDefault(c => c.Id == id);
            if (issue is null || comment is null)
            {
                return JiraSandboxHttp.Error(404, "Can not find a comment for the id: " + id + ".");
            }

            if (Invalid(body?["body"]) is { } invalid)
            {
                return invalid;
            }

            if (InvalidExtras((JsonObject)body!) is { } badExtras)
            {
                return badExtras;
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            comment.Body = (JsonObject)body!["body"]!.DeepClone();
            ApplyExtras(comment, (JsonObject)body);
            comment.UpdateAuthor = caller;
            comment.Updated = state.Time.GetUtcNow();
            issue.Updated = comment.Updated;
            webhooks.Publish(state, JiraWebhookEvents.CommentUpdated, JiraSandboxEvents.Comment(JiraWebhookEvents.CommentUpdated, comment, issue, state, site), issue);
            return JiraSandboxHttp.Json(JiraSandboxJson.Comment(comment, issue, site, JiraSandboxHttp.Split(expand).Contains("renderedBody")));
        }
    }

    private static IResult Delete(HttpContext http, JiraSandboxState state, JiraSandboxWebhooks webhooks, string issueIdOrKey, string id)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            var comment = issue?.Comments.FirstOrDefault(c => c.Id == id);
            if (issue is null || comment is null)
            {
                return JiraSandboxHttp.Error(404, "Can not find a comment for the id: " + id + ".");
            }

            issue.Comments.Remove(comment);
            webhooks.Publish(state, JiraWebhookEvents.CommentDeleted, JiraSandboxEvents.Comment(JiraWebhookEvents.CommentDeleted, comment, issue, state, site), issue);
            return Results.NoContent();
        }
    }

    /// <summary>Visibility must be a role or group with a value; properties an array of {key, value}.</summary>
    private static IResult? InvalidExtras(JsonObject body)
    {
        if (body["visibility"] is { } visibility && (visibility is not JsonObject v
            || v["type"]?.GetValue<string>() is not ("role" or "group")
            || (v["value"] ?? v["identifier"]) is not JsonValue))
        {
            return JiraSandboxHttp.FieldErrors(400, new Dictionary<string, string> { ["commentLevel"] = "The visibility must name a role or a group." });
        }

        if (body["properties"] is { } properties && (properties is not JsonArray list
            || list.Any(p => p is not JsonObject o || o["key"] is not JsonValue key || key.GetValue<string>().Length is 0 or > 255)))
        {
            return JiraSandboxHttp.Error(400, "Each comment property needs a key of 1 to 255 characters.");
        }

        return null;
    }

    private static void ApplyExtras(SimComment comment, JsonObject body)
    {
        if (body.ContainsKey("visibility"))
        {
            comment.Visibility = body["visibility"]?.DeepClone() as JsonObject;
        }

        foreach (var property in body["properties"] as JsonArray ?? [])
        {
            comment.Properties[property!["key"]!.GetValue<string>()] = property["value"]?.DeepClone();
        }
    }

    private static IResult? Invalid(JsonNode? body)
    {
        if (body is not JsonObject)
        {
            return JiraSandboxHttp.Error(400, "Comment body is not valid!");
        }

        var problem = SimAdf.Validate(body);
        return problem is null ? null : JiraSandboxHttp.FieldErrors(400, new Dictionary<string, string> { ["comment"] = problem });
    }
}
