using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Identity and metadata: myself, server info, projects, issue types, fields, create screens, statuses.</summary>
internal static class JiraSandboxMetaEndpoints
{
    public const long UploadLimit = 50L * 1024 * 1024;

    public static void Map(RouteGroupBuilder site)
    {
        site.MapGet("/rest/api/3/myself", Myself);
        site.MapGet("/rest/api/3/serverInfo", ServerInfo);
        site.MapGet("/rest/api/3/project/search", SearchProjects);
        site.MapGet("/rest/api/3/project/{projectIdOrKey}", GetProject);
        site.MapGet("/rest/api/3/issuetype/project", IssueTypesForProject);
        site.MapGet("/rest/api/3/field", Fields);
        site.MapGet("/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", CreateMetaIssueTypes);
        site.MapGet("/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", CreateMetaFields);
        site.MapGet("/rest/api/3/status", Statuses);
        site.MapGet("/rest/api/3/statuscategory", StatusCategories);
        site.MapGet("/rest/api/3/attachment/meta", AttachmentMeta);
    }

    private static IResult Myself(HttpContext http, [FromQuery(Name = "expand")] string? expand)
    {
        var user = JiraSandboxJson.User(JiraSandboxHttp.Caller(http), JiraSandboxHttp.Site(http));
        user["locale"] = "en_US";
        return JiraSandboxHttp.Json(user);
    }

    private static IResult ServerInfo(HttpContext http, JiraSandboxState state)
    {
        var site = JiraSandboxHttp.Site(http);
        return JiraSandboxHttp.Json(new JsonObject
        {
            ["baseUrl"] = site,
            ["displayUrl"] = site,
            ["version"] = "1001.0.0-SNAPSHOT",
            ["versionNumbers"] = new JsonArray(1001, 0, 0),
            ["deploymentType"] = "Cloud",
            ["buildNumber"] = 100300,
            ["buildDate"] = JiraSandboxJson.Date(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            ["serverTime"] = JiraSandboxJson.Date(state.Time.GetUtcNow()),
            ["scmInfo"] = "sandbox",
            ["serverTitle"] = "ZohoJira sandbox Jira",
        });
    }

    private static IResult SearchProjects(
        HttpContext http,
        JiraSandboxState state,
        [FromQuery(Name = "startAt")] long? startAt,
        [FromQuery(Name = "maxResults")] int? maxResults,
        [FromQuery(Name = "orderBy")] string? orderBy,
        [FromQuery(Name = "query")] string? query,
        [FromQuery(Name = "keys")] string[]? keys)
    {
        var site = JiraSandboxHttp.Site(http);
        var start = Math.Max(0, startAt ?? 0);
        var size = Math.Clamp(maxResults ?? 50, 1, 100);
        lock (state.Gate)
        {
            IEnumerable<SimProject> projects = state.Projects;
            if (!string.IsNullOrWhiteSpace(query))
            {
                projects = projects.Where(p => p.Key.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase));
            }

            if (keys is { Length: > 0 })
            {
                projects = projects.Where(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            }

            projects = (orderBy ?? "key").TrimStart('+') switch
            {
                "name" => projects.OrderBy(p => p.Name, StringComparer.Ordinal),
                "-name" => projects.OrderByDescending(p => p.Name, StringComparer.Ordinal),
                "-key" => projects.OrderByDescending(p => p.Key, StringComparer.Ordinal),
                _ => projects.OrderBy(p => p.Key, StringComparer.Ordinal),
            };
            var all = projects.ToList();
            var page = all.Skip((int)start).Take(size).ToList();
            var isLast = start + page.Count >= all.Count;
            var json = new JsonObject
            {
                ["self"] = $"{site}/rest/api/3/project/search?startAt={start}&maxResults={size}",
                ["maxResults"] = size,
                ["startAt"] = start,
                ["total"] = all.Count,
                ["isLast"] = isLast,
                ["values"] = new JsonArray([.. page.Select(p => (JsonNode)JiraSandboxJson.Project(p, site))]),
            };
            if (!isLast)
            {
                json["nextPage"] = $"{site}/rest/api/3/project/search?startAt={start + size}&maxResults={size}";
            }

            return JiraSandboxHttp.Json(json);
        }
    }

    private static IResult GetProject(HttpContext http, JiraSandboxState state, string projectIdOrKey, [FromQuery(Name = "expand")] string? expand)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var project = state.FindProject(projectIdOrKey);
            if (project is null)
            {
                return JiraSandboxHttp.Error(404, $"No project could be found with key '{projectIdOrKey}'.");
            }

            var json = JiraSandboxJson.Project(project, site);
            json["description"] = $"The {project.Name} project of the sandbox site.";
            json["issueTypes"] = new JsonArray([.. project.IssueTypeIds.Select(id => (JsonNode)JiraSandboxJson.IssueType(state.IssueTypes[id], site))]);
            return JiraSandboxHttp.Json(json);
        }
    }

    private static IResult IssueTypesForProject(HttpContext http, JiraSandboxState state, [FromQuery(Name = "projectId")] string? projectId)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var project = state.Projects.FirstOrDefault(p => p.Id == projectId);
            if (project is null)
            {
                return JiraSandboxHttp.Error(404, "The project is not found or the user does not have permission to view it.");
            }

            return JiraSandboxHttp.Json(new JsonArray([.. project.IssueTypeIds.Select(id =>
            {
                var type = JiraSandboxJson.IssueType(state.IssueTypes[id], site);
                type["scope"] = new JsonObject { ["type"] = "PROJECT", ["project"] = new JsonObject { ["id"] = project.Id } };
                return (JsonNode)type;
            })]));
        }
    }

    private static IResult Fields(JiraSandboxState state)
    {
        lock (state.Gate)
        {
            return JiraSandboxHttp.Json(new JsonArray([.. state.Fields.Select(f => (JsonNode)JiraSandboxJson.Field(f))]));
        }
    }

    private static IResult CreateMetaIssueTypes(
        HttpContext http,
        JiraSandboxState state,
        string projectIdOrKey,
        [FromQuery(Name = "startAt")] int? startAt,
        [FromQuery(Name = "maxResults")] int? maxResults)
    {
        if (maxResults > 200)
        {
            return JiraSandboxHttp.Error(400, "Parameter 'maxResults' must not exceed the limit '200'");
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var project = state.FindProject(projectIdOrKey);
            if (project is null)
            {
                return JiraSandboxHttp.Error(400, $"No project could be found with id or key '{projectIdOrKey}'.");
            }

            var start = Math.Max(0, startAt ?? 0);
            var size = Math.Max(1, maxResults ?? 50);
            var page = project.IssueTypeIds.Skip(start).Take(size).Select(id => (JsonNode)JiraSandboxJson.IssueType(state.IssueTypes[id], site));
            return JiraSandboxHttp.Json(new JsonObject
            {
                ["maxResults"] = size,
                ["startAt"] = start,
                ["total"] = project.IssueTypeIds.Count,
                ["issueTypes"] = new JsonArray([.. page]),
            });
        }
    }

    private static IResult CreateMetaFields(
        HttpContext http,
        JiraSandboxState state,
        string projectIdOrKey,
        string issueTypeId,
        [FromQuery(Name = "startAt")] int? startAt,
        [FromQuery(Name = "maxResults")] int? maxResults)
    {
        if (maxResults > 200)
        {
            return JiraSandboxHttp.Error(400, "Parameter 'maxResults' must not exceed the limit '200'");
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var project = state.FindProject(projectIdOrKey);
            if (project is null || !project.CreateScreens.TryGetValue(issueTypeId, out var screen))
            {
                return JiraSandboxHttp.Error(400, $"Issue type with id '{issueTypeId}' is not valid for project '{projectIdOrKey}'.");
            }

            var start = Math.Max(0, startAt ?? 0);
            var size = Math.Max(1, maxResults ?? 50);
            var page = screen.Skip(start).Take(size)
                .Select(s => (JsonNode)JiraSandboxJson.FieldMeta(state.FindField(s.FieldId)!, s, site, withFieldId: true));
            return JiraSandboxHttp.Json(new JsonObject
            {
                ["maxResults"] = size,
                ["startAt"] = start,
                ["total"] = screen.Count,
                ["fields"] = new JsonArray([.. page]),
            });
        }
    }

    private static IResult Statuses(HttpContext http, JiraSandboxState state)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            return JiraSandboxHttp.Json(new JsonArray([.. state.Statuses.Values.Select(s => (JsonNode)JiraSandboxJson.Status(s, site))]));
        }
    }

    private static IResult StatusCategories(HttpContext http, JiraSandboxState state)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            return JiraSandboxHttp.Json(new JsonArray([.. state.Categories.Values.OrderBy(c => c.Id).Select(c => (JsonNode)JiraSandboxJson.StatusCategory(c, site))]));
        }
    }

    private static IResult AttachmentMeta() =>
        JiraSandboxHttp.Json(new JsonObject { ["enabled"] = true, ["uploadLimit"] = UploadLimit });
}
