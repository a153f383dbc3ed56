using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Sandbox.JiraCloud;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>An issue of the demo Jira site as the console's grid shows it.</summary>
public sealed record JiraConsoleRow(string Id, string Key, string Summary, string Type, string Status, string? Priority, DateTimeOffset Updated);

/// <summary>How the console asks for a field's value.</summary>
public enum JiraConsoleFieldKind
{
    Text,
    RichText,
    Choice,
    Labels,
    User,
    Date,
    Number,
}

/// <summary>A field the console can set (on the edit screen, the create screen or a transition's screen), with its
/// current value as text and, for choices and users, what may be chosen.</summary>
public sealed record JiraConsoleField(string Id, string Name, JiraConsoleFieldKind Kind, bool Required, IReadOnlyList<JiraConsoleChoice> Choices, string? Current);

public sealed record JiraConsoleChoice(string Id, string Label);

/// <summary>A workflow transition available on an issue, with the fields its screen asks for.</summary>
public sealed record JiraConsoleTransition(string Id, string Name, string ToStatus, IReadOnlyList<JiraConsoleField> Fields);

/// <summary>The console acting as the sandbox Jira site's human user (<see cref="JiraSandboxAccounts.UserEmail"/>), never as
/// the connector's account: every change goes through the simulated REST API's own endpoints signed in as that user
/// (<see cref="SandboxConsoleCalls"/>), so its webhooks name the user and the connector treats them as a person's changes.</summary>
internal sealed class JiraConsole(SandboxConsoleCalls calls, JiraSandboxState state, SandboxConsoleJournal journal)
{
    private const string Rest = JiraSandboxAccounts.SitePath + "/rest/api/3";

    private static readonly Dictionary<string, string> AsUser = new(StringComparer.Ordinal)
    {
        ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraSandboxAccounts.UserEmail}:{JiraSandboxAccounts.UserApiToken}")),
    };

    /// <summary>The site's projects by key.</summary>
    public IReadOnlyList<string> Projects()
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return [.. state.Projects.Select(p => p.Key)];
        }
    }

    /// <summary>A project's issues, most recently updated first.</summary>
    public IReadOnlyList<JiraConsoleRow> List(string? projectKey = null)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return state.Issues
                .Where(i => projectKey is null || i.Project.Key == projectKey)
                .OrderByDescending(i => i.Updated)
                .Select(i => new JiraConsoleRow(i.Id, i.Key, Str(i.Values["summary"]) ?? string.Empty, state.IssueTypes[i.IssueTypeId].Name,
                    state.Statuses[i.StatusId].Name, Str(i.Values["priority"]?["name"]), i.Updated))
                .ToList();
        }
    }

    /// <summary>The issue as the REST API answers for it, with rendered fields (null when it does not exist).</summary>
    public async Task<JsonObject?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var answer = await calls.SendAsync("GET", Rest + "/issue/{issueIdOrKey}", Key(key),
            query: new Dictionary<string, string> { ["expand"] = "renderedFields" }, headers: AsUser, cancellationToken: cancellationToken);
        return answer.Succeeded ? answer.Body as JsonObject : null;
    }

    /// <summary>The fields the issue's edit screen offers, with their current values.</summary>
    public IReadOnlyList<JiraConsoleField> EditFields(string key)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            var issue = state.FindIssue(key);
            return issue is null ? [] : [.. state.EditableFields(issue).Select(id => state.FindField(id)).OfType<SimField>()
                .Select(f => Field(f, false, issue.Values[f.Id]))];
        }
    }

    /// <summary>The fields a new issue of this type in this project asks for (create screen).</summary>
    public IReadOnlyList<JiraConsoleField> CreateFields(string projectKey, string issueTypeId)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            var project = state.FindProject(projectKey);
            return project is null || !project.CreateScreens.TryGetValue(issueTypeId, out var screen) ? []
                : [.. screen.Where(s => s.FieldId is not ("project" or "issuetype" or "reporter")).Select(s => (s, state.FindField(s.FieldId)))
                    .Where(p => p.Item2 is not null).Select(p => Field(p.Item2!, p.s.Required, p.s.DefaultValue))];
        }
    }

    /// <summary>A project's issue types (id, name).</summary>
    public IReadOnlyList<JiraConsoleChoice> IssueTypes(string projectKey)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return state.FindProject(projectKey) is { } project
                ? [.. project.IssueTypeIds.Select(id => new JiraConsoleChoice(id, state.IssueTypes[id].Name))]
                : [];
        }
    }

    /// <summary>The transitions the issue can take now, each with the fields its screen asks for.</summary>
    public IReadOnlyList<JiraConsoleTransition> Transitions(string key)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            var issue = state.FindIssue(key);
            return issue is null ? [] : [.. state.AvailableTransitions(issue).Select(t => new JiraConsoleTransition(t.Id, t.Name, state.Statuses[t.ToStatusId].Name,
                [.. t.Screen.Select(s => (s, state.FindField(s.FieldId))).Where(p => p.Item2 is not null).Select(p => Field(p.Item2!, p.s.Required, null))]))];
        }
    }

    /// <summary>Turns what the person typed or chose into the value Jira's REST API takes for the field; null clears it.</summary>
    public static JsonNode? ToValue(JiraConsoleField field, string? input)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrWhiteSpace(input))
        {
            return field.Kind == JiraConsoleFieldKind.Labels ? new JsonArray() : null;
        }

        return field.Kind switch
        {
            JiraConsoleFieldKind.RichText => Document(input),
            JiraConsoleFieldKind.Choice => new JsonObject { ["id"] = input },
            JiraConsoleFieldKind.Labels => new JsonArray([.. input.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => (JsonNode)JsonValue.Create(l))]),
            JiraConsoleFieldKind.User => new JsonObject { ["accountId"] = input },
            JiraConsoleFieldKind.Number => double.TryParse(input, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number) : JsonValue.Create(input),
            _ => JsonValue.Create(input),
        };
    }

    /// <summary>A rich-text (ADF) document from plain text: one paragraph per line; <c>**bold**</c> lines are strong.</summary>
    public static JsonObject Document(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = new JsonArray();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0))
        {
            var bold = line.Length > 4 && line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal);
            content.Add(SimAdf.Paragraph(bold ? line[2..^2] : line, bold ? "strong" : null));
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    /// <summary>Sets fields on the issue (PUT issue), as the user.</summary>
    public async Task<SandboxConsoleAnswer> EditAsync(string key, IReadOnlyDictionary<string, JsonNode?> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var body = new JsonObject { ["fields"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))]) };
        var answer = await calls.SendAsync("PUT", Rest + "/issue/{issueIdOrKey}", Key(key), body, headers: AsUser, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Jira, key, Label(key), "Changed " + string.Join(", ", fields.Keys.Select(Name)), answer);
        return answer;
    }

    /// <summary>Moves the issue through a transition, with the values its screen asks for.</summary>
    public async Task<SandboxConsoleAnswer> TransitionAsync(string key, string transitionId, IReadOnlyDictionary<string, JsonNode?> fields,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var name = Transitions(key).FirstOrDefault(t => t.Id == transitionId)?.Name ?? transitionId;
        var body = new JsonObject
        {
            ["transition"] = new JsonObject { ["id"] = transitionId },
            ["fields"] = new JsonObject([.. fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))]),
        };
        var answer = await calls.SendAsync("POST", Rest + "/issue/{issueIdOrKey}/transitions", Key(key), body, headers: AsUser, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Jira, key, Label(key), $"Transition “{name}”", answer);
        return answer;
    }

    /// <summary>Adds a rich-text comment, as the user.</summary>
    public async Task<SandboxConsoleAnswer> CommentAsync(string key, string text, CancellationToken cancellationToken = default)
    {
        var answer = await calls.SendAsync("POST", Rest + "/issue/{issueIdOrKey}/comment", Key(key), new JsonObject { ["body"] = Document(text) },
            headers: AsUser, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Jira, key, Label(key), "Added a comment", answer);
        return answer;
    }

    /// <summary>Attaches a file, as the user (multipart, with Jira's XSRF header).</summary>
    public async Task<SandboxConsoleAnswer> AttachAsync(string key, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var headers = new Dictionary<string, string>(AsUser, StringComparer.Ordinal) { ["X-Atlassian-Token"] = "no-check" };
        var answer = await calls.SendAsync("POST", Rest + "/issue/{issueIdOrKey}/attachments", Key(key), headers: headers, form: form, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Jira, key, Label(key), $"Attached {fileName}", answer);
        return answer;
    }

    /// <summary>Creates an issue, as the user; the answer's body carries the new key.</summary>
    public async Task<SandboxConsoleAnswer> CreateAsync(string projectKey, string issueTypeId, IReadOnlyDictionary<string, JsonNode?> fields,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = projectKey },
            ["issuetype"] = new JsonObject { ["id"] = issueTypeId },
        };
        foreach (var (id, value) in fields.Where(f => f.Value is not null))
        {
            values[id] = value!.DeepClone();
        }

        var answer = await calls.SendAsync("POST", Rest + "/issue", json: new JsonObject { ["fields"] = values }, headers: AsUser, cancellationToken: cancellationToken);
        var key = answer.Succeeded ? Str(answer.Body?["key"]) ?? projectKey : projectKey;
        journal.Record(ConsoleSide.Jira, key, answer.Succeeded ? Label(key) : projectKey, "Created the issue", answer);
        return answer;
    }

    /// <summary>An issue's comments as plain text (author, when, text), newest first.</summary>
    public IReadOnlyList<(string Author, DateTimeOffset Created, string Text)> Comments(string key)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return state.FindIssue(key) is { } issue
                ? [.. issue.Comments.OrderByDescending(c => c.Created).Select(c => (c.Author.DisplayName, c.Created, SimAdf.ToPlainText(c.Body)))]
                : [];
        }
    }

    public IReadOnlyList<(string Name, long Size)> Attachments(string key)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return state.FindIssue(key) is { } issue ? [.. issue.Attachments.Select(a => (a.FileName, (long)a.Content.Length))] : [];
        }
    }

    /// <summary>"SUP-12 Printer on fire".</summary>
    public string Label(string key)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            return state.FindIssue(key) is { } issue ? $"{issue.Key} {Str(issue.Values["summary"])}" : key;
        }
    }

    /// <summary>A field's current value as plain text (for the side-by-side view and tests).</summary>
    public string? Value(string key, string fieldId)
    {
        state.EnsureSeeded();
        lock (state.Gate)
        {
            var issue = state.FindIssue(key);
            if (issue is null)
            {
                return null;
            }

            return fieldId == "status" ? state.Statuses[issue.StatusId].Name : Display(issue.Values[fieldId]);
        }
    }

    private JiraConsoleField Field(SimField field, bool required, JsonNode? current)
    {
        var kind = field.IsRichText ? JiraConsoleFieldKind.RichText : field.SchemaType switch
        {
            "option" or "priority" or "resolution" => JiraConsoleFieldKind.Choice,
            "array" => JiraConsoleFieldKind.Labels,
            "user" => JiraConsoleFieldKind.User,
            "date" => JiraConsoleFieldKind.Date,
            "number" => JiraConsoleFieldKind.Number,
            _ => JiraConsoleFieldKind.Text,
        };
        IReadOnlyList<JiraConsoleChoice> choices = kind switch
        {
            JiraConsoleFieldKind.Choice => [.. field.AllowedValues.Select(v => new JiraConsoleChoice(Str(v["id"])!, Str(v["name"]) ?? Str(v["value"]) ?? Str(v["id"])!))],
            JiraConsoleFieldKind.User => [.. state.Accounts.Where(a => a.AccountType == "atlassian").Select(a => new JiraConsoleChoice(a.AccountId, a.DisplayName))],
            _ => [],
        };
        var text = kind switch
        {
            JiraConsoleFieldKind.Choice => Str(current?["id"]),
            JiraConsoleFieldKind.User => Str(current?["accountId"]),
            JiraConsoleFieldKind.Labels => current is JsonArray labels ? string.Join(", ", labels.Select(Str)) : null,
            JiraConsoleFieldKind.RichText => current is JsonObject doc ? SimAdf.ToPlainText(doc) : null,
            _ => current is JsonValue ? Str(current) : null,
        };
        return new JiraConsoleField(field.Id, field.Name, kind, required, choices, text);
    }

    private string Name(string fieldId)
    {
        lock (state.Gate)
        {
            return state.FindField(fieldId)?.Name ?? fieldId;
        }
    }

    private static Dictionary<string, string> Key(string key) => new(StringComparer.Ordinal) { ["issueIdOrKey"] = key };

    private static string? Display(JsonNode? value) => value switch
    {
        null => null,
        JsonObject o when o["type"]?.ToString() == "doc" => SimAdf.ToPlainText(o),
        JsonObject o => Str(o["name"]) ?? Str(o["value"]) ?? Str(o["displayName"]) ?? Str(o["accountId"]),
        JsonArray a => string.Join(", ", a.Select(Display)),
        _ => Str(value),
    };

    private static string? Str(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : null;
}
