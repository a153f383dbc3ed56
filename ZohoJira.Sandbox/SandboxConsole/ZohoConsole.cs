using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>A record of the demo Zoho organization as the console's grid shows it.</summary>
public sealed record ZohoConsoleRow(string Id, string? Number, string Title, string? Status, string? Priority, string? ModifiedTime);

/// <summary>A field the console can edit on a ticket: its API name (custom fields start with <c>cf_</c>), label, type and,
/// for picklists and lookups, the values to choose from.</summary>
public sealed record ZohoConsoleField(string ApiName, string Label, string Type, bool Custom, IReadOnlyList<ZohoConsoleChoice> Choices);

public sealed record ZohoConsoleChoice(string Value, string Label);

/// <summary>The console acting as the demo organization's agent. Reads come from the simulated organization; every change
/// goes through the simulated Desk API's own endpoints (<see cref="SandboxConsoleCalls"/>), so the webhooks Zoho would
/// send for it are sent, exactly as for a change made over HTTP.</summary>
public sealed class ZohoConsole(SandboxConsoleCalls calls, ZohoSandboxState state, SandboxConsoleJournal journal)
{
    private const string Api = ZohoSandbox.DeskBase + "/api/v1";

    /// <summary>The ticket fields the console offers to edit, in this order.</summary>
    private static readonly string[] EditableTicketFields = ["subject", "description", "status", "priority", "departmentId", "assigneeId", "classification", "category", "dueDate"];

    public static IReadOnlyList<string> Modules { get; } = [.. ZohoSandboxState.Modules.Keys];

    /// <summary>The live records of a module, most recently changed first.</summary>
    public IReadOnlyList<ZohoConsoleRow> List(string module)
    {
        lock (state.Gate)
        {
            if (!state.Records.TryGetValue(module, out var records))
            {
                return [];
            }

            return records.Values
                .Where(r => r["isTrashed"]?.GetValue<bool>() != true)
                .OrderByDescending(r => Text(r, "modifiedTime"), StringComparer.Ordinal)
                .Select(r => new ZohoConsoleRow(Text(r, "id")!, Text(r, "ticketNumber"), Title(r), Text(r, "status"), Text(r, "priority"), Text(r, "modifiedTime")))
                .ToList();
        }
    }

    /// <summary>A record as the Desk API answers for it (null when it does not exist or is in the trash).</summary>
    public async Task<JsonObject?> GetAsync(string module, string id, CancellationToken cancellationToken = default)
    {
        var answer = await calls.SendAsync("GET", $"{Api}/{module}/{{{ZohoSandboxState.Modules[module]}}}",
            new Dictionary<string, string> { [ZohoSandboxState.Modules[module]] = id }, cancellationToken: cancellationToken);
        return answer.Succeeded ? answer.Body as JsonObject : null;
    }

    /// <summary>The ticket fields to edit, custom fields included, with the organization's departments and agents as choices.</summary>
    public IReadOnlyList<ZohoConsoleField> TicketFields()
    {
        var described = ZohoSandboxFields.Describe("tickets") ?? [];
        var result = new List<ZohoConsoleField>();
        lock (state.Gate)
        {
            foreach (var name in EditableTicketFields.Concat(described.Where(f => f["isCustomField"]?.GetValue<bool>() == true).Select(f => Text(f, "apiName")!)))
            {
                var field = described.FirstOrDefault(f => Text(f, "apiName") == name);
                if (field is null)
                {
                    continue;
                }

                IReadOnlyList<ZohoConsoleChoice> choices = name switch
                {
                    "status" => [.. ZohoSandboxSeed.Statuses.Select(s => new ZohoConsoleChoice(s, s))],
                    "departmentId" => [.. state.Departments.Select(d => new ZohoConsoleChoice(Text(d, "id")!, Text(d, "name") ?? Text(d, "id")!))],
                    "assigneeId" => [.. state.Agents.Select(a => new ZohoConsoleChoice(Text(a, "id")!, Text(a, "name") ?? Text(a, "id")!))],
                    _ => [.. (field["allowedValues"] as JsonArray ?? []).Select(v => v is JsonObject o ? Text(o, "value") : v?.ToString())
                        .OfType<string>().Select(v => new ZohoConsoleChoice(v, v))],
                };
                result.Add(new ZohoConsoleField(name, Text(field, "displayLabel") ?? name, Text(field, "type") ?? "Text",
                    field["isCustomField"]?.GetValue<bool>() == true, choices));
            }
        }

        return result;
    }

    /// <summary>The body of a PATCH that sets these fields: custom fields go inside <c>cf</c>, an empty value clears a field.</summary>
    public static JsonObject ChangeBody(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = new JsonObject();
        foreach (var (name, value) in values)
        {
            var node = string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);
            if (name.StartsWith("cf_", StringComparison.Ordinal))
            {
                var cf = body["cf"] as JsonObject ?? [];
                cf[name] = node;
                body["cf"] = cf;
            }
            else
            {
                body[name] = node;
            }
        }

        return body;
    }

    /// <summary>Changes fields of a record (PATCH), as the agent would.</summary>
    public async Task<SandboxConsoleAnswer> UpdateAsync(string module, string id, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        var idName = ZohoSandboxState.Modules[module];
        var answer = await calls.SendAsync("PATCH", $"{Api}/{module}/{{{idName}}}", new Dictionary<string, string> { [idName] = id },
            ChangeBody(values), cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Zoho, id, Label(module, id), "Changed " + string.Join(", ", values.Select(v => $"{v.Key} to “{v.Value}”")), answer);
        return answer;
    }

    /// <summary>Creates a ticket for a new contact (POST /tickets).</summary>
    public async Task<SandboxConsoleAnswer> CreateTicketAsync(string subject, string departmentId, string? priority, string? description,
        string contactLastName, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["departmentId"] = departmentId,
            ["contact"] = new JsonObject { ["lastName"] = contactLastName },
        };
        if (!string.IsNullOrEmpty(priority))
        {
            body["priority"] = priority;
        }

        if (!string.IsNullOrEmpty(description))
        {
            body["description"] = description;
        }

        var answer = await calls.SendAsync("POST", $"{Api}/tickets", json: body, cancellationToken: cancellationToken);
        var id = (answer.Body as JsonObject) is { } created && answer.Succeeded ? Text(created, "id")! : string.Empty;
        journal.Record(ConsoleSide.Zoho, id, answer.Succeeded ? Label("tickets", id) : subject, "Created the ticket", answer);
        return answer;
    }

    /// <summary>Moves a ticket to the trash (Zoho's delete).</summary>
    public async Task<SandboxConsoleAnswer> DeleteTicketAsync(string id, CancellationToken cancellationToken = default)
    {
        var label = Label("tickets", id);
        var answer = await calls.SendAsync("POST", $"{Api}/tickets/moveToTrash", json: new JsonObject { ["ticketIds"] = new JsonArray(id) },
            cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Zoho, id, label, "Moved the ticket to the trash", answer);
        return answer;
    }

    /// <summary>Adds a comment to a ticket, public (the customer sees it) or private.</summary>
    public async Task<SandboxConsoleAnswer> CommentAsync(string ticketId, string content, bool isPublic, CancellationToken cancellationToken = default)
    {
        var answer = await calls.SendAsync("POST", $"{Api}/tickets/{{ticketId}}/comments", new Dictionary<string, string> { ["ticketId"] = ticketId },
            new JsonObject { ["content"] = content, ["contentType"] = "plainText", ["isPublic"] = isPublic }, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Zoho, ticketId, Label("tickets", ticketId), isPublic ? "Added a public comment" : "Added a private comment", answer);
        return answer;
    }

    /// <summary>Attaches a file to a ticket (multipart upload, as the API takes it).</summary>
    public async Task<SandboxConsoleAnswer> AttachAsync(string ticketId, string fileName, Stream content, bool isPublic, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var answer = await calls.SendAsync("POST", $"{Api}/tickets/{{ticketId}}/attachments", new Dictionary<string, string> { ["ticketId"] = ticketId },
            query: new Dictionary<string, string> { ["isPublic"] = isPublic ? "true" : "false" }, form: form, cancellationToken: cancellationToken);
        journal.Record(ConsoleSide.Zoho, ticketId, Label("tickets", ticketId), $"Attached {fileName}", answer);
        return answer;
    }

    /// <summary>A ticket's comments, newest first.</summary>
    public IReadOnlyList<JsonObject> Comments(string ticketId)
    {
        lock (state.Gate)
        {
            return (state.Comments.GetValueOrDefault(ticketId) ?? [])
                .OrderByDescending(c => Text(c, "commentedTime"), StringComparer.Ordinal)
                .Select(c => c.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>A ticket's attachments: name, size and whether the customer sees it.</summary>
    public IReadOnlyList<(string Name, long Size, bool IsPublic)> Attachments(string ticketId)
    {
        lock (state.Gate)
        {
            return (state.Attachments.GetValueOrDefault(ticketId) ?? []).Select(a => (a.Name, a.Size, a.IsPublic)).ToList();
        }
    }

    public IReadOnlyList<ZohoConsoleChoice> Departments()
    {
        lock (state.Gate)
        {
            return [.. state.Departments.Select(d => new ZohoConsoleChoice(Text(d, "id")!, Text(d, "name") ?? Text(d, "id")!))];
        }
    }

    /// <summary>"#101 Printer on fire" for a ticket, the title otherwise.</summary>
    public string Label(string module, string id)
    {
        lock (state.Gate)
        {
            var record = state.Find(module, id);
            return record is null ? id
                : Text(record, "ticketNumber") is { } number ? string.Create(CultureInfo.InvariantCulture, $"#{number} {Title(record)}")
                : Title(record);
        }
    }

    private static string Title(JsonObject record) =>
        Text(record, "subject") ?? Text(record, "accountName") ?? Text(record, "productName") ?? Text(record, "contractName")
        ?? string.Join(' ', new[] { Text(record, "firstName"), Text(record, "lastName") }.Where(s => !string.IsNullOrEmpty(s)))
        ?? Text(record, "id")!;

    internal static string? Text(JsonObject record, string field) => ZohoSandboxRecordEndpoints.Text(record, field);
}
