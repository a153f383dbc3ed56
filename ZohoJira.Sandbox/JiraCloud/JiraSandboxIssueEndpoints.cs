using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Issues: create (create-screen fields only), get (with renderedFields), edit (edit-screen fields), enhanced JQL
/// search with nextPageToken, and workflow transitions whose screens may require fields.</summary>
internal static class JiraSandboxIssueEndpoints
{
    public static void Map(RouteGroupBuilder site)
    {
        site.MapPost("/rest/api/3/issue", CreateAsync);
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}", Get);
        site.MapPut("/rest/api/3/issue/{issueIdOrKey}", EditAsync);
        site.MapDelete("/rest/api/3/issue/{issueIdOrKey}", Delete);
        site.MapGet("/rest/api/3/search/jql", SearchGet);
        site.MapPost("/rest/api/3/search/jql", SearchPostAsync);
        site.MapGet("/rest/api/3/issue/{issueIdOrKey}/transitions", Transitions);
        site.MapPost("/rest/api/3/issue/{issueIdOrKey}/transitions", TransitionAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, JiraSandboxState state, JiraSandboxWebhooks webhooks,
        [FromQuery(Name = "updateHistory")] bool? updateHistory)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        if (body?["fields"] is not JsonObject fields)
        {
            return JiraSandboxHttp.Error(400, "The request body must contain 'fields'.");
        }

        var site = JiraSandboxHttp.Site(http);
        var caller = JiraSandboxHttp.Caller(http);
        lock (state.Gate)
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var project = state.FindProject(Text(fields["project"]?["id"]) ?? Text(fields["project"]?["key"]));
            if (project is null)
            {
                errors["project"] = "Specify a valid project ID or key";
                return JiraSandboxHttp.FieldErrors(400, errors);
            }

            var typeId = Text(fields["issuetype"]?["id"])
                ?? state.IssueTypes.Values.FirstOrDefault(t => string.Equals(t.Name, Text(fields["issuetype"]?["name"]), StringComparison.OrdinalIgnoreCase))?.Id;
            if (typeId is null || !project.CreateScreens.TryGetValue(typeId, out var screen))
            {
                errors["issuetype"] = "Specify an issue type";
                return JiraSandboxHttp.FieldErrors(400, errors);
            }

            var values = new JsonObject();
            foreach (var (fieldId, value) in fields)
            {
                if (fieldId is "project" or "issuetype")
                {
                    continue;
                }

                var field = state.FindField(fieldId);
                if (field is null || screen.All(s => s.FieldId != fieldId))
                {
                    errors[fieldId] = JiraSandboxFieldValues.NotOnScreen(fieldId);
                    continue;
                }

                var (normalized, error) = JiraSandboxFieldValues.Normalize(field, value, state);
                if (error is not null)
                {
                    errors[fieldId] = error;
                }
                else if (normalized is not null)
                {
                    values[fieldId] = normalized;
                }
            }

            foreach (var required in screen.Where(s => s.Required && s.FieldId is not ("project" or "issuetype")))
            {
                if (values[required.FieldId] is null && !errors.ContainsKey(required.FieldId))
                {
                    errors[required.FieldId] = JiraSandboxFieldValues.Required(state.FindField(required.FieldId)!);
                }
            }

            if (errors.Count > 0)
            {
                return JiraSandboxHttp.FieldErrors(400, errors);
            }

            foreach (var withDefault in screen.Where(s => s.DefaultValue is not null && values[s.FieldId] is null))
            {
                values[withDefault.FieldId] = withDefault.DefaultValue!.DeepClone();
            }

            var reporter = state.FindAccountById(Text(values["reporter"]?["accountId"])) ?? caller;
            values.Remove("reporter");
            var issue = state.AddIssue(project, typeId, reporter, values, state.Time.GetUtcNow());
            if (body["properties"] is JsonArray properties)
            {
                foreach (var property in properties.OfType<JsonObject>())
                {
                    if (Text(property["key"]) is { } key && property["value"] is { } value)
                    {
                        issue.Properties[key] = value.DeepClone();
                    }
                }
            }

            issue.RecentWrites.Enqueue(state.Time.GetUtcNow());
            webhooks.Publish(state, JiraWebhookEvents.IssueCreated, JiraSandboxEvents.Issue(JiraWebhookEvents.IssueCreated, "issue_created", issue, caller, state, site), issue);
            return JiraSandboxHttp.Json(new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = $"{site}/rest/api/3/issue/{issue.Id}" }, 201);
        }
    }

    private static IResult Get(
        HttpContext http,
        JiraSandboxState state,
        string issueIdOrKey,
        [FromQuery(Name = "fields")] string? fields,
        [FromQuery(Name = "expand")] string? expand,
        [FromQuery(Name = "properties")] string? properties)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            var expansions = JiraSandboxHttp.Split(expand);
            var json = JiraSandboxJson.Issue(issue, state, site, FieldSelection(fields, defaultAll: true), expansions.Contains("renderedFields"), expansions.Contains("transitions"));
            AddProperties(json, issue, properties);
            return JiraSandboxHttp.Json(json);
        }
    }

    private static async Task<IResult> EditAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, JiraSandboxWebhooks webhooks, string issueIdOrKey,
        [FromQuery(Name = "notifyUsers")] bool? notifyUsers,
        [FromQuery(Name = "returnIssue")] bool? returnIssue,
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
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            var fields = body?["fields"] as JsonObject ?? [];
            var update = body?["update"] as JsonObject ?? [];
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (fieldId, _) in update)
            {
                if (fields.ContainsKey(fieldId))
                {
                    errors[fieldId] = $"Field '{fieldId}' cannot be set in both 'fields' and 'update'.";
                }
            }

            var wanted = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (fieldId, value) in fields)
            {
                wanted[fieldId] = value;
            }

            foreach (var (fieldId, operations) in update)
            {
                var current = issue.Values[fieldId]?.DeepClone();
                foreach (var operation in (operations as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (operation.TryGetPropertyValue("set", out var set))
                    {
                        current = set?.DeepClone();
                    }
                    else if (operation["add"] is { } add)
                    {
                        var list = current as JsonArray ?? [];
                        list.Add(add.DeepClone());
                        current = list;
                    }
                    else if (operation["remove"] is { } remove)
                    {
                        var list = current as JsonArray ?? [];
                        foreach (var item in list.Where(i => JsonNode.DeepEquals(i, remove)).ToList())
                        {
                            list.Remove(item);
                        }

                        current = list;
                    }
                }

                wanted[fieldId] = current;
            }

            var editable = state.EditableFields(issue);
            var normalized = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (fieldId, value) in wanted)
            {
                var field = state.FindField(fieldId);
                if (field is null || !editable.Contains(fieldId))
                {
                    errors[fieldId] = JiraSandboxFieldValues.NotOnScreen(fieldId);
                    continue;
                }

                var (stored, error) = JiraSandboxFieldValues.Normalize(field, value, state);
                if (error is not null)
                {
                    errors[fieldId] = error;
                }
                else
                {
                    normalized[fieldId] = stored;
                }
            }

            if (errors.Count > 0)
            {
                return JiraSandboxHttp.FieldErrors(400, errors);
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var changes = new List<JsonObject>();
            foreach (var (fieldId, value) in normalized)
            {
                var before = issue.Values[fieldId];
                if (JsonNode.DeepEquals(before, value))
                {
                    continue;
                }

                changes.Add(JiraSandboxEvents.ChangeItem(fieldId, null, Describe(before), null, Describe(value),
                    fieldId.StartsWith("customfield_", StringComparison.Ordinal) ? "custom" : "jira"));
                issue.Values[fieldId] = value?.DeepClone();
            }

            if (body?["properties"] is JsonArray properties)
            {
                foreach (var property in properties.OfType<JsonObject>())
                {
                    if (Text(property["key"]) is { } key && property["value"] is { } propertyValue)
                    {
                        issue.Properties[key] = propertyValue.DeepClone();
                    }
                }
            }

            if (changes.Count > 0)
            {
                issue.Updated = state.Time.GetUtcNow();
                webhooks.Publish(state, JiraWebhookEvents.IssueUpdated,
                    JiraSandboxEvents.Issue(JiraWebhookEvents.IssueUpdated, "issue_updated", issue, caller, state, site, changes), issue);
            }

            return returnIssue == true
                ? JiraSandboxHttp.Json(JiraSandboxJson.Issue(issue, state, site, null, JiraSandboxHttp.Split(expand).Contains("renderedFields")))
                : Results.NoContent();
        }
    }

    private static IResult Delete(HttpContext http, JiraSandboxState state, JiraSandboxWebhooks webhooks, string issueIdOrKey,
        [FromQuery(Name = "deleteSubtasks")] string? deleteSubtasks)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            webhooks.Publish(state, JiraWebhookEvents.IssueDeleted,
                JiraSandboxEvents.Issue(JiraWebhookEvents.IssueDeleted, "issue_deleted", issue, JiraSandboxHttp.Caller(http), state, site), issue);
            state.Issues.Remove(issue);
            foreach (var attachment in issue.Attachments)
            {
                state.Attachments.Remove(attachment.Id);
            }

            return Results.NoContent();
        }
    }

    private static IResult SearchGet(
        HttpContext http,
        JiraSandboxState state,
        [FromQuery(Name = "jql")] string? jql,
        [FromQuery(Name = "nextPageToken")] string? nextPageToken,
        [FromQuery(Name = "maxResults")] int? maxResults,
        [FromQuery(Name = "fields")] string[]? fields,
        [FromQuery(Name = "expand")] string? expand,
        [FromQuery(Name = "properties")] string[]? properties,
        [FromQuery(Name = "reconcileIssues")] long[]? reconcileIssues) =>
        Search(http, state, jql, nextPageToken, maxResults, string.Join(',', fields ?? []), expand, string.Join(',', properties ?? []));

    private static async Task<IResult> SearchPostAsync(HttpContext http, JiraSandboxState state)
    {
        var (body, problem) = await JiraSandboxHttp.ReadJsonAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        var fields = body?["fields"] is JsonArray list ? string.Join(',', list.Select(Text)) : null;
        var properties = body?["properties"] is JsonArray props ? string.Join(',', props.Select(Text)) : null;
        var max = body?["maxResults"] is JsonValue m && m.TryGetValue<int>(out var n) ? n : (int?)null;
        return Search(http, state, Text(body?["jql"]), Text(body?["nextPageToken"]), max, fields, Text(body?["expand"]), properties);
    }

    private static IResult Search(HttpContext http, JiraSandboxState state, string? jql, string? token, int? maxResults, string? fields, string? expand, string? properties)
    {
        if (string.IsNullOrWhiteSpace(jql))
        {
            return JiraSandboxHttp.Error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }

        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            JiraSandboxJql query;
            try
            {
                query = JiraSandboxJql.Parse(jql, state.Time.GetUtcNow());
            }
            catch (FormatException ex)
            {
                return JiraSandboxHttp.Error(400, ex.Message);
            }

            if (!query.IsBounded)
            {
                return JiraSandboxHttp.Error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
            }

            var offset = 0;
            if (!string.IsNullOrEmpty(token) && !TryReadToken(token, jql, out offset))
            {
                return JiraSandboxHttp.Error(400, "The provided next page token is invalid or expired.");
            }

            var selection = FieldSelection(fields, defaultAll: false);
            var size = Math.Clamp(maxResults ?? 50, 1, selection is { Count: 0 } ? 5000 : 100);
            IReadOnlyList<SimIssue> all;
            try
            {
                all = query.Apply(state.Issues, state).ToList();
                if (http.RequestServices.GetRequiredService<JiraSandboxFaults>().TakeSearchLag())
                {
                    var indexedBefore = state.Time.GetUtcNow().AddMinutes(-1);
                    all = all.Where(i => i.Created < indexedBefore).ToList();
                }
            }
            catch (FormatException ex)
            {
                return JiraSandboxHttp.Error(400, ex.Message);
            }

            var page = all.Skip(offset).Take(size).ToList();
            var rendered = JiraSandboxHttp.Split(expand).Contains("renderedFields");
            var isLast = offset + page.Count >= all.Count;
            var json = new JsonObject
            {
                ["issues"] = new JsonArray([.. page.Select(i =>
                {
                    var issue = JiraSandboxJson.Issue(i, state, site, selection, rendered);
                    AddProperties(issue, i, properties);
                    return (JsonNode)issue;
                })]),
                ["isLast"] = isLast,
            };
            if (!isLast)
            {
                json["nextPageToken"] = MakeToken(jql, offset + page.Count);
            }

            return JiraSandboxHttp.Json(json);
        }
    }

    private static IResult Transitions(
        HttpContext http,
        JiraSandboxState state,
        string issueIdOrKey,
        [FromQuery(Name = "expand")] string? expand,
        [FromQuery(Name = "transitionId")] string? transitionId,
        [FromQuery(Name = "includeUnavailableTransitions")] bool? includeUnavailableTransitions)
    {
        var site = JiraSandboxHttp.Site(http);
        lock (state.Gate)
        {
            var issue = state.FindIssue(issueIdOrKey);
            if (issue is null)
            {
                return JiraSandboxHttp.IssueNotFound();
            }

            var withFields = JiraSandboxHttp.Split(expand).Contains("transitions.fields");
            var transitions = state.AvailableTransitions(issue).Where(t => transitionId is null || t.Id == transitionId);
            return JiraSandboxHttp.Json(new JsonObject
            {
                ["expand"] = "transitions",
                ["transitions"] = new JsonArray([.. transitions.Select(t => (JsonNode)JiraSandboxJson.Transition(t, state, site, withFields))]),
            });
        }
    }

    private static async Task<IResult> TransitionAsync(HttpContext http, JiraSandboxState state, JiraSandboxFaults faults, JiraSandboxWebhooks webhooks, string issueIdOrKey)
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

            var transitionId = Text(body?["transition"]?["id"]);
            var transition = state.AvailableTransitions(issue).FirstOrDefault(t => t.Id == transitionId);
            if (transition is null)
            {
                return JiraSandboxHttp.Error(400, $"Transition id '{transitionId}' is not valid for this issue.");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (fieldId, value) in body?["fields"] as JsonObject ?? [])
            {
                var field = state.FindField(fieldId);
                if (field is null || transition.Screen.All(s => s.FieldId != fieldId))
                {
                    errors[fieldId] = JiraSandboxFieldValues.NotOnScreen(fieldId);
                    continue;
                }

                var (stored, error) = JiraSandboxFieldValues.Normalize(field, value, state);
                if (error is not null)
                {
                    errors[fieldId] = error;
                }
                else
                {
                    values[fieldId] = stored;
                }
            }

            foreach (var required in transition.Screen.Where(s => s.Required))
            {
                if ((!values.TryGetValue(required.FieldId, out var v) || v is null) && !errors.ContainsKey(required.FieldId))
                {
                    errors[required.FieldId] = JiraSandboxFieldValues.Required(state.FindField(required.FieldId)!);
                }
            }

            if (errors.Count > 0)
            {
                return JiraSandboxHttp.FieldErrors(400, errors);
            }

            if (JiraSandboxHttp.CheckWriteLimit(http, issue, state, faults) is { } limited)
            {
                return limited;
            }

            var from = state.Statuses[issue.StatusId];
            var to = state.Statuses[transition.ToStatusId];
            var changes = new List<JsonObject> { JiraSandboxEvents.ChangeItem("status", from.Id, from.Name, to.Id, to.Name) };
            issue.StatusId = to.Id;
            foreach (var (fieldId, value) in values)
            {
                changes.Add(JiraSandboxEvents.ChangeItem(fieldId, null, Describe(issue.Values[fieldId]), null, Describe(value)));
                issue.Values[fieldId] = value?.DeepClone();
            }

            var now = state.Time.GetUtcNow();
            if (to.Category.Key == "done" && from.Category.Key != "done")
            {
                issue.Values["resolutiondate"] = JiraSandboxJson.Date(now);
            }
            else if (to.Category.Key != "done" && issue.Values["resolution"] is not null)
            {
                changes.Add(JiraSandboxEvents.ChangeItem("resolution", null, Describe(issue.Values["resolution"]), null, null));
                issue.Values.Remove("resolution");
                issue.Values.Remove("resolutiondate");
            }

            issue.Updated = now;
            webhooks.Publish(state, JiraWebhookEvents.IssueUpdated,
                JiraSandboxEvents.Issue(JiraWebhookEvents.IssueUpdated, "issue_generic", issue, caller, state, site, changes), issue);
            return Results.NoContent();
        }
    }

    private static void AddProperties(JsonObject json, SimIssue issue, string? properties)
    {
        var keys = JiraSandboxHttp.Split(properties);
        if (keys.Count == 0)
        {
            return;
        }

        var result = new JsonObject();
        foreach (var (key, value) in issue.Properties)
        {
            if (keys.Contains("*all") || keys.Contains(key))
            {
                result[key] = value.DeepClone();
            }
        }

        json["properties"] = result;
    }

    /// <summary>null = every field; an empty set = none (ids and keys only).</summary>
    private static HashSet<string>? FieldSelection(string? fields, bool defaultAll)
    {
        var requested = JiraSandboxHttp.Split(fields);
        if (requested.Count == 0)
        {
            return defaultAll ? null : [];
        }

        if (requested.Contains("*all") || requested.Contains("*navigable"))
        {
            return null;
        }

        requested.Remove("id");
        requested.Remove("key");
        return requested.ToHashSet(StringComparer.Ordinal);
    }

    private static string MakeToken(string jql, int offset)
    {
        var raw = $"{offset.ToString(CultureInfo.InvariantCulture)}:{Hash(jql)}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool TryReadToken(string token, string jql, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && parts[1] == Hash(jql) && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string? Describe(JsonNode? value) => value switch
    {
        null => null,
        JsonObject o when o["type"]?.GetValue<string>() == "doc" => SimAdf.ToPlainText(o),
        JsonObject o => Text(o["name"]) ?? Text(o["value"]) ?? Text(o["accountId"]) ?? o.ToJsonString(),
        JsonArray a => string.Join(' ', a.Select(Text)),
        _ => Text(value),
    };

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : null;
}
