using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated ticket sub-resources: comments (HTML, isPublic), attachments (multipart part <c>file</c>, binary
/// download at the attachment's href), threads with their attachments, and time entries.</summary>
internal static class ZohoSandboxTicketEndpoints
{
    /// <summary>Larger uploads are refused with 413 RESOURCE_SIZE_EXCEEDED.</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    private static readonly string[] TimeEntryKeys = ["additionalCost", "agentCostPerHour", "billingType", "cf", "createdBy", "createdTime",
        "customFields", "departmentId", "description", "executedTime", "fixedCost", "hoursSpent", "id", "invoiceId", "isBillable", "isTrashed",
        "layoutId", "minutesSpent", "mode", "ownerId", "requestChargeType", "requestId", "secondsSpent", "taskId", "totalCost"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tickets/{ticketId}/comments", ListComments).WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "sortBy", "include"));
        api.MapPost("/tickets/{ticketId}/comments", CreateCommentAsync).WithMetadata(new ZohoSandboxQueryParameters());
        api.MapGet("/tickets/{ticketId}/comments/{commentId}", GetComment).WithMetadata(new ZohoSandboxQueryParameters("include"));
        api.MapPatch("/tickets/{ticketId}/comments/{commentId}", UpdateCommentAsync).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapGet("/tickets/{ticketId}/attachments", ListAttachments).WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "sortBy", "isPublic", "include"));
        api.MapPost("/tickets/{ticketId}/attachments", UploadAsync).WithMetadata(new ZohoSandboxQueryParameters("isPublic"));
        api.MapGet("/tickets/{ticketId}/attachments/{attachmentId}/content", (string ticketId, string attachmentId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                var attachment = state.Attachments.GetValueOrDefault(ticketId)?.FirstOrDefault(a => a.Id == attachmentId);
                return attachment is null ? ZohoSandboxResults.NotFound() : File(attachment);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("inline"));

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
                body["attachments"] = new JsonArray([.. thread.Attachments.Select(a => (JsonNode)Attachment(state,
                    $"tickets/{ticketId}/threads/{threadId}/attachments/{a.Id}", a))]);
                return ZohoSandboxResults.Json(body);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("include"));
        api.MapGet("/tickets/{ticketId}/threads/{threadId}/attachments/{attachmentId}/content", (string ticketId, string threadId, string attachmentId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                var attachment = state.Threads.GetValueOrDefault(ticketId)?.FirstOrDefault(t => t.Id == threadId)?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
                return attachment is null ? ZohoSandboxResults.NotFound() : File(attachment);
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

    private static IResult ListComments(string ticketId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find("tickets", ticketId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var comments = state.Comments.GetValueOrDefault(ticketId) ?? [];
            var sorted = request.Query["sortBy"].FirstOrDefault() == "commentedTime"
                ? comments.OrderBy(c => c["commentedTime"]!.GetValue<string>(), StringComparer.Ordinal)
                : comments.OrderByDescending(c => c["commentedTime"]!.GetValue<string>(), StringComparer.Ordinal);
            return ZohoSandboxResults.List(sorted.Skip(from).Take(limit).Select(c => c.DeepClone().AsObject()).ToList());
        }
    }

    private static IResult GetComment(string ticketId, string commentId, ZohoSandboxState state)
    {
        lock (state.Gate)
        {
            var comment = state.Comments.GetValueOrDefault(ticketId)?.FirstOrDefault(c => c["id"]?.GetValue<string>() == commentId);
            return comment is null ? ZohoSandboxResults.NotFound() : ZohoSandboxResults.Json(comment.DeepClone());
        }
    }

    private static async Task<IResult> CreateCommentAsync(string ticketId, HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        var body = await ReadJsonAsync(request);
        if (body?["content"] is not JsonValue content || content.GetValue<string>().Length == 0)
        {
            return ZohoSandboxResults.Invalid("content", "missing", "content is required.");
        }

        if (content.GetValue<string>().Length > 32000)
        {
            return ZohoSandboxResults.Invalid("content", "invalid", "content is longer than 32000 characters.");
        }

        JsonObject comment;
        string? department;
        lock (state.Gate)
        {
            var ticket = state.Find("tickets", ticketId);
            if (ticket is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var agent = state.Agents[0];
            comment = new JsonObject
            {
                ["id"] = state.NewId(),
                ["content"] = content.GetValue<string>(),
                ["contentType"] = body["contentType"]?.GetValue<string>() ?? "html",
                ["isPublic"] = body["isPublic"]?.GetValue<bool>() ?? false,
                ["commenterId"] = agent["id"]!.GetValue<string>(),
                ["commenter"] = new JsonObject
                {
                    ["id"] = agent["id"]!.GetValue<string>(),
                    ["firstName"] = agent["firstName"]!.GetValue<string>(),
                    ["lastName"] = agent["lastName"]!.GetValue<string>(),
                    ["name"] = agent["name"]!.GetValue<string>(),
                    ["email"] = agent["emailId"]!.GetValue<string>(),
                    ["photoURL"] = null,
                    ["roleName"] = "Administrator",
                    ["type"] = "AGENT",
                },
                ["commentedTime"] = ZohoSandboxState.Format(state.Now),
                ["modifiedTime"] = null,
                ["attachments"] = new JsonArray(),
                ["encodedContent"] = null,
                ["impersonatedUser"] = null,
            };
            var comments = state.Comments.TryGetValue(ticketId, out var list) ? list : state.Comments[ticketId] = [];
            comments.Add(comment);
            ticket["commentCount"] = comments.Count.ToString(CultureInfo.InvariantCulture);
            state.TouchTicket(ticketId);
            department = ZohoSandboxRecordEndpoints.Text(ticket, "departmentId");
        }

        var payload = comment.DeepClone().AsObject();
        payload["ticketId"] = ticketId;
        webhooks.Publish("Ticket_Comment_Add", payload, departmentId: department);
        return ZohoSandboxResults.Json(comment.DeepClone());
    }

    private static async Task<IResult> UpdateCommentAsync(string ticketId, string commentId, HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        var body = await ReadJsonAsync(request);
        if (body is null || body.Count == 0)
        {
            return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
        }

        JsonObject comment;
        lock (state.Gate)
        {
            var found = state.Comments.GetValueOrDefault(ticketId)?.FirstOrDefault(c => c["id"]?.GetValue<string>() == commentId);
            if (found is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            foreach (var name in new[] { "content", "contentType", "isPublic" })
            {
                if (body.TryGetPropertyValue(name, out var value) && value is not null)
                {
                    found[name] = value.DeepClone();
                }
            }

            found["modifiedTime"] = ZohoSandboxState.Format(state.Now);
            state.TouchTicket(ticketId);
            comment = found.DeepClone().AsObject();
        }

        var payload = comment.DeepClone().AsObject();
        payload["ticketId"] = ticketId;
        webhooks.Publish("Ticket_Comment_Update", payload);
        return ZohoSandboxResults.Json(comment);
    }

    private static IResult ListAttachments(string ticketId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find("tickets", ticketId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            IEnumerable<SandboxAttachment> attachments = state.Attachments.GetValueOrDefault(ticketId) ?? [];
            if (bool.TryParse(request.Query["isPublic"].FirstOrDefault(), out var isPublic))
            {
                attachments = attachments.Where(a => a.IsPublic == isPublic);
            }

            return ZohoSandboxResults.List(attachments.OrderBy(a => a.CreatedTime, StringComparer.Ordinal).Skip(from).Take(limit)
                .Select(a => Attachment(state, $"tickets/{ticketId}/attachments/{a.Id}", a)).ToList());
        }
    }

    private static async Task<IResult> UploadAsync(string ticketId, HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        if (!request.HasFormContentType || !(request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return ZohoSandboxResults.Error(415, "UNSUPPORTED_MEDIA_TYPE", "Upload the file as multipart/form-data.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return ZohoSandboxResults.Invalid("file", "missing", "The multipart part 'file' is required.");
        }

        if (file.Length > MaxUploadBytes)
        {
            return ZohoSandboxResults.Error(413, "RESOURCE_SIZE_EXCEEDED", "The file is larger than the allowed size.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, request.HttpContext.RequestAborted);
        }

        SandboxAttachment attachment;
        JsonObject answer;
        lock (state.Gate)
        {
            var ticket = state.Find("tickets", ticketId);
            if (ticket is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            attachment = new SandboxAttachment
            {
                Id = state.NewId(),
                Name = file.FileName,
                Size = bytes.LongLength,
                CreatedTime = ZohoSandboxState.Format(state.Now),
                CreatorId = state.Agents[0]["id"]!.GetValue<string>(),
                IsPublic = bool.TryParse(request.Query["isPublic"].FirstOrDefault(), out var p) && p,
                Content = bytes,
            };
            var list = state.Attachments.TryGetValue(ticketId, out var existing) ? existing : state.Attachments[ticketId] = [];
            list.Add(attachment);
            ticket["attachmentCount"] = list.Count.ToString(CultureInfo.InvariantCulture);
            state.TouchTicket(ticketId);
            answer = Attachment(state, $"tickets/{ticketId}/attachments/{attachment.Id}", attachment);
        }

        var payload = answer.DeepClone().AsObject();
        payload["ticketId"] = ticketId;
        webhooks.Publish("Ticket_Attachment_Add", payload);
        return ZohoSandboxResults.Json(answer);
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

    private static JsonObject Attachment(ZohoSandboxState state, string path, SandboxAttachment a) => new()
    {
        ["id"] = a.Id,
        ["name"] = a.Name,
        ["size"] = a.Size.ToString(CultureInfo.InvariantCulture),
        ["creatorId"] = a.CreatorId,
        ["createdTime"] = a.CreatedTime,
        ["isPublic"] = a.IsPublic,
        ["href"] = $"{state.DeskBaseUrl}/api/v1/{path}/content",
        ["previewurl"] = $"{state.DeskBaseUrl}/api/v1/{path}/content?inline=true",
    };

    private static IResult File(SandboxAttachment attachment) =>
        Results.Stream(attachment.OpenRead(), "application/octet-stream", attachment.Name, enableRangeProcessing: false);

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

    private static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFromJsonAsync<JsonObject>(request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
