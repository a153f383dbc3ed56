using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Webhook payloads as Jira Cloud sends them: <c>/rest/api/2</c> self links, <c>user</c> as the actor without
/// e-mail; comment events carry a reduced issue, attachment events no issue at all. Rich text is flattened to plain
/// strings (v2) at delivery unless <see cref="JiraSandboxFaults.WebhookRichTextAsAdf"/> is set.</summary>
internal static class JiraSandboxEvents
{
    public static JsonObject ChangeItem(string field, string? from, string? fromString, string? to, string? toString, string fieldtype = "jira") => new()
    {
        ["field"] = field,
        ["fieldtype"] = fieldtype,
        ["fieldId"] = field,
        ["from"] = from,
        ["fromString"] = fromString,
        ["to"] = to,
        ["toString"] = toString,
    };

    public static JsonObject Issue(string eventType, string typeName, SimIssue issue, SimAccount actor, JiraSandboxState state, string site, IReadOnlyList<JsonObject>? changes = null)
    {
        var payload = Envelope(eventType, state);
        payload["issue_event_type_name"] = typeName;
        payload["user"] = V2(JiraSandboxJson.User(actor, site, withEmail: false));
        payload["issue"] = V2Issue(issue, state, site);
        if (changes is { Count: > 0 })
        {
            payload["changelog"] = new JsonObject
            {
                ["id"] = (10000 + Random.Shared.Next(1, 90000)).ToString(CultureInfo.InvariantCulture),
                ["items"] = new JsonArray([.. changes.Select(c => (JsonNode)c)]),
            };
        }

        return payload;
    }

    public static JsonObject Comment(string eventType, SimComment comment, SimIssue issue, JiraSandboxState state, string site)
    {
        var payload = Envelope(eventType, state);
        payload["comment"] = V2(JiraSandboxJson.Comment(comment, issue, site, rendered: false));
        payload["issue"] = V2(new JsonObject
        {
            ["id"] = issue.Id,
            ["self"] = $"{site}/rest/api/3/issue/{issue.Id}",
            ["key"] = issue.Key,
            ["fields"] = new JsonObject
            {
                ["summary"] = issue.Values["summary"]?.DeepClone(),
                ["issuetype"] = JiraSandboxJson.IssueType(state.IssueTypes[issue.IssueTypeId], site),
                ["project"] = JiraSandboxJson.Project(issue.Project, site),
                ["status"] = JiraSandboxJson.Status(state.Statuses[issue.StatusId], site),
            },
        });
        return payload;
    }

    public static JsonObject Attachment(string eventType, SimAttachment attachment, JiraSandboxState state, string site)
    {
        var payload = Envelope(eventType, state);
        payload["attachment"] = V2(JiraSandboxJson.Attachment(attachment, attachment.Author, site));
        return payload;
    }

    /// <summary>Rich text as Jira's webhooks carry it: plain (v2) strings instead of ADF documents.</summary>
    public static void FlattenRichText(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload["comment"] is JsonObject comment && comment["body"] is JsonObject body)
        {
            comment["body"] = SimAdf.ToPlainText(body);
        }

        if (payload["issue"]?["fields"] is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                if (value is JsonObject doc && doc["type"] is JsonValue type && type.ToString() == "doc")
                {
                    fields[name] = SimAdf.ToPlainText(doc);
                }
            }
        }
    }

    private static JsonObject Envelope(string eventType, JiraSandboxState state) => new()
    {
        ["timestamp"] = state.Time.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = eventType,
    };

    private static JsonObject V2Issue(SimIssue issue, JiraSandboxState state, string site)
    {
        var json = JiraSandboxJson.Issue(issue, state, site, fields: null, rendered: false);
        json.Remove("expand");
        (json["fields"] as JsonObject)?.Remove("comment");

        return V2(json);
    }

    private static JsonObject V2(JsonObject node) =>
        JsonNode.Parse(node.ToJsonString().Replace("/rest/api/3/", "/rest/api/2/", StringComparison.Ordinal))!.AsObject();
}
