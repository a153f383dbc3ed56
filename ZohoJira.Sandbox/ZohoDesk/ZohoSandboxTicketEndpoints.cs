using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated ticket sub-resources: threads with their attachments, and time entries (comments and attachments
/// are served for every module by <see cref="ZohoSandboxChildEndpoints"/>).</summary>
internal static class ZohoSandboxTicketEndpoints
{
    private static readonly string[] TimeEntryKeys = ["additionalCost", "agentCostPerHour", "billingType", "cf", "createdBy", "createdTime",
        "customFields", "departmentId", "description", "executedTime", "fixedCost", "hoursSpent", "id", "invoiceId", "isBillable", "isTrashed",
        "layoutId", "minutesSpent", "mode", "ownerId", "requestChargeType", "requestId", "secondsSpent", "taskId", "totalCost"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tickets/{ticketId}/threads", ListThreads).WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "sortBy"));
        api.MapGet("/tickets/{ticketId}/threads/{threadId}", (string ticketId, string threadId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                var thread = state.Threads.GetValueOrDefault(ticketId)?.FirstOrDefault(t => t.Id == threadId);
                if (thread is null)
                {
                    return ZohoSandboxResults.NotFound();
                }

                var body = thread.Summary.DeepClone().AsObject();
                body["content"] = thread.Content;
                body["attachments"] = new JsonArray([.. thread.Attachments.Select(a => (JsonNode)ZohoSandboxChildEndpoints.Attachment(state,
                    $"tickets/{ticketId}/threads/{threadId}/attachments/{a.Id}", a))]);
                return ZohoSandboxResults.Json(body);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("include"));
        api.MapGet("/tickets/{ticketId}/threads/{threadId}/attachments/{attachmentId}/content", (string ticketId, string threadId, string attachmentId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                var attachment = state.Threads.GetValueOrDefault(ticketId)?.FirstOrDefault(t => t.Id == threadId)?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
                return attachment is null ? ZohoSandboxResults.NotFound() : ZohoSandboxChildEndpoints.File(attachment, state);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("inline"));

        api.MapGet("/tickets/{caseId}/timeEntry", ListTimeEntries)
            .WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "orderBy", "billStatus", "createdTimeRange", "modifiedTimeRange", "include"));
        api.MapPost("/tickets/{ticketId}/timeEntry", (string ticketId, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
            SaveTimeEntry(ticketId, null, body, state, webhooks)).WithMetadata(new ZohoSandboxQueryParameters());
        api.MapGet("/tickets/{ticketId}/timeEntry/{timeEntryId}", (string ticketId, string timeEntryId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                var entry = state.TimeEntries.GetValueOrDefault(ticketId)?.FirstOrDefault(e => e["id"]?.GetValue<string>() == timeEntryId);
                return entry is null ? ZohoSandboxResults.NotFound() : ZohoSandboxResults.Json(TimeEntry(state, entry));
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("include"));
        api.MapPut("/tickets/{ticketId}/timeEntry/{teId}", (string ticketId, string teId, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
            SaveTimeEntry(ticketId, teId, body, state, webhooks)).WithMetadata(new ZohoSandboxQueryParameters());
    }

    private static IResult ListThreads(string ticketId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 200, 100, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find("tickets", ticketId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var threads = state.Threads.GetValueOrDefault(ticketId) ?? [];
            return ZohoSandboxResults.List(threads.OrderByDescending(t => t.Summary["createdTime"]!.GetValue<string>(), StringComparer.Ordinal)
                .Skip(from).Take(limit).Select(t => t.Summary.DeepClone().AsObject()).ToList());
        }
    }

    private static IResult ListTimeEntries(string caseId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 99, 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find("tickets", caseId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            IEnumerable<JsonObject> entries = state.TimeEntries.GetValueOrDefault(caseId) ?? [];
            if (request.Query["modifiedTimeRange"].FirstOrDefault() is { } range)
            {
                if (!ZohoSandboxPaging.TryParseRange(range, out var start, out var end))
                {
                    return ZohoSandboxResults.Invalid("modifiedTimeRange", "invalid", "modifiedTimeRange must be two ISO timestamps.");
                }

                entries = entries.Where(e => DateTimeOffset.TryParse(e["modifiedTime"]?.GetValue<string>(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var at) && at >= start && at <= end);
            }

            var ordered = request.Query["orderBy"].FirstOrDefault() == "DESC"
                ? entries.OrderByDescending(e => e["executedTime"]!.GetValue<string>(), StringComparer.Ordinal)
                : entries.OrderBy(e => e["executedTime"]!.GetValue<string>(), StringComparer.Ordinal);
            return ZohoSandboxResults.List(ordered.Skip(from).Take(limit).Select(e => TimeEntry(state, e)).ToList());
        }
    }

    private static IResult SaveTimeEntry(string ticketId, string? entryId, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        if (body is null || body.Count == 0)
        {
            return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
        }

        JsonObject answer;
        lock (state.Gate)
        {
            var ticket = state.Find("tickets", ticketId);
            if (ticket is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var entries = state.TimeEntries.TryGetValue(ticketId, out var list) ? list : state.TimeEntries[ticketId] = [];
            JsonObject entry;
            if (entryId is null)
            {
                if (body["executedTime"] is null)
                {
                    return ZohoSandboxResults.Invalid("executedTime", "missing", "executedTime is required.");
                }

                entry = new JsonObject
                {
                    ["id"] = state.NewId(),
                    ["requestId"] = ticketId,
                    ["createdTime"] = ZohoSandboxState.Format(state.Now),
                    ["secondsSpent"] = "0",
                    ["minutesSpent"] = "0",
                    ["hoursSpent"] = "0",
                    ["isBillable"] = false,
                    ["billingType"] = "NON_BILLABLE",
                    ["ownerId"] = state.Agents[0]["id"]!.GetValue<string>(),
                    ["agentCostPerHour"] = "0",
                    ["additionalCost"] = "0",
                    ["totalCost"] = "0",
                    ["parent"] = new JsonObject { ["type"] = "TICKETS", ["id"] = ticketId },
                    ["cf"] = new JsonObject(),
                    ["description"] = null,
                };
                entries.Add(entry);
                ticket["timeEntryCount"] = entries.Count.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                entry = entries.FirstOrDefault(e => e["id"]?.GetValue<string>() == entryId)!;
                if (entry is null)
                {
                    return ZohoSandboxResults.NotFound();
                }
            }

            foreach (var (name, value) in body)
            {
                if (name is not ("id" or "requestId" or "createdTime" or "modifiedTime"))
                {
                    entry[name] = value?.DeepClone();
                }
            }

            entry["modifiedTime"] = ZohoSandboxState.Format(state.Now);
            state.TouchTicket(ticketId);
            answer = TimeEntry(state, entry);
        }

        webhooks.Publish(entryId is null ? "TimeEntry_Add" : "TimeEntry_Update", answer);
        return ZohoSandboxResults.Json(answer);
    }

    private static JsonObject TimeEntry(ZohoSandboxState state, JsonObject entry)
    {
        var result = Project(entry, TimeEntryKeys);
        var ticketId = entry["requestId"]!.GetValue<string>();
        var ticket = state.Find("tickets", ticketId);
        result["parent"] = new JsonObject
        {
            ["id"] = ticketId,
            ["type"] = "TICKETS",
            ["subject"] = ticket?["subject"]?.DeepClone(),
            ["ticketNumber"] = ticket?["ticketNumber"]?.DeepClone(),
        };
        result["createdBy"] ??= entry["ownerId"]?.DeepClone();
        result["customFields"] ??= new JsonObject();
        result["departmentId"] ??= ticket?["departmentId"]?.DeepClone();
        result["fixedCost"] ??= null;
        result["invoiceId"] ??= null;
        result["isTrashed"] ??= false;
        result["layoutId"] ??= ticket?["layoutId"]?.DeepClone();
        result["layoutDetails"] = new JsonObject { ["id"] = result["layoutId"]?.DeepClone(), ["layoutName"] = "Time Entry" };
        result["mode"] ??= "MANUAL";
        result["requestChargeType"] ??= null;
        result["taskId"] ??= null;
        return result;
    }

    private static JsonObject Project(JsonObject entry, string[] keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            if (entry.TryGetPropertyValue(key, out var value))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
