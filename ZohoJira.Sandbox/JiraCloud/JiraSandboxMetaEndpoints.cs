using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Identity and metadata: myself, user search, server info, projects, issue types, fields, create and edit
/// screens, statuses (all of the site's, and a project's per issue type).</summary>
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
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/editmeta", EditMeta);
        site.MapGet("/rest/api/3/project/{projectIdOrKey}/statuses", ProjectStatuses);
        site.MapGet("/rest/api/3/user/search", SearchUsers);
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

    /// <summary>The edit screen: the create screen's fields for the issue's type plus the project's edit-only fields,
    /// keyed by field id (FieldMetadata carries no fieldId), required as on the create screen.</summary>
    private static IResult EditMeta(
        HttpContext http,
        JiraSandboxState state,
        string issueIdOrKey,
        [FromQuery(Name = "overrideScreenSecurity")] bool? overrideScreenSecurity,
        [FromQuery(Name = "overrideEditableFlag")] bool? overrideEditableFlag)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            if ((overrideScreenSecurity == true || overrideEditableFlag == true) && !JiraSandboxHttp.Caller(http).IsAdmin)
            {
                return JiraSandboxHttp.Error(403, "You do not have the permission to override the screen security or editable flag.");
            }

            issue.Project.CreateScreens.TryGetValue(issue.IssueTypeId, out var screen);
            var fields = new JsonObject();
            foreach (var fieldId in state.EditableFields(issue))
            {
                var field = state.FindField(fieldId);
                if (field is null)
                {
                    continue;
                }

                var onScreen = screen?.FirstOrDefault(s => s.FieldId == fieldId);
                fields[fieldId] = JiraSandboxJson.FieldMeta(field, new SimScreenField(fieldId, onScreen?.Required ?? false), site, withFieldId: false);
            }

            return JiraSandboxHttp.Json(new JsonObject { ["fields"] = fields });
        }
    }

    /// <summary>Per issue type of the project, the statuses its workflow can reach (initial status first).</summary>
    private static IResult ProjectStatuses(HttpContext http, JiraSandboxState state, string projectIdOrKey)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var project = state.FindProject(projectIdOrKey);
            if (project is null)
            {
                return JiraSandboxHttp.Error(404, $"No project could be found with key '{projectIdOrKey}'.");
            }

            var workflow = project.Workflow;
            var statusIds = new[] { workflow.InitialStatusId }
                .Concat(workflow.Transitions.SelectMany(t => t.FromStatusId is null ? new[] { t.ToStatusId } : new[] { t.FromStatusId, t.ToStatusId }))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return JiraSandboxHttp.Json(new JsonArray([.. project.IssueTypeIds.Select(id =>
            {
                var type = state.IssueTypes[id];
                return (JsonNode)new JsonObject
                {
                    ["self"] = $"{site}/rest/api/3/issueType/{type.Id}",
                    ["id"] = type.Id,
                    ["name"] = type.Name,
                    ["subtask"] = type.Subtask,
                    ["statuses"] = new JsonArray([.. statusIds.Select(s => (JsonNode)JiraSandboxJson.Status(state.Statuses[s], site))]),
                };
            })]));
        }
    }

    /// <summary>Active users whose display name (or a word of it) or e-mail address starts with the query; at least one of
    /// query, accountId or property is required, as on Jira.</summary>
    private static IResult SearchUsers(
        HttpContext http,
        JiraSandboxState state,
        [FromQuery(Name = "query")] string? query,
        [FromQuery(Name = "accountId")] string? accountId,
        [FromQuery(Name = "property")] string? property,
        [FromQuery(Name = "startAt")] int? startAt,
        [FromQuery(Name = "maxResults")] int? maxResults)
    {
        if (string.IsNullOrWhiteSpace(query) && string.IsNullOrWhiteSpace(accountId) && string.IsNullOrWhiteSpace(property))
        {
            return JiraSandboxHttp.Error(400, "One of 'query', 'accountId' or 'property' query parameters must be provided.");
        }

        if (startAt < 0 || maxResults < 0)
        {
            return JiraSandboxHttp.Error(400, "'startAt' and 'maxResults' must not be negative.");
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            IEnumerable<SimAccount> users = state.Accounts;
            if (!string.IsNullOrWhiteSpace(accountId))
            {
                users = users.Where(a => a.AccountId == accountId);
            }

            if (!string.IsNullOrWhiteSpace(query))
            {
                var text = query.Trim();
                users = users.Where(a => a.Email.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                    || a.DisplayName.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                    || a.DisplayName.Split(' ').Any(w => w.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
            }

            if (!string.IsNullOrWhiteSpace(property))
            {
                users = [];
            }

            var page = users.Skip(startAt ?? 0).Take(Math.Min(maxResults ?? 50, 1000));
            return JiraSandboxHttp.Json(new JsonArray([.. page.Select(a => (JsonNode)JiraSandboxJson.User(a, site, withEmail: a.AccountType != "app"))]));
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
