using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Comments and attachments of every module Zoho documents them on, each route with the path parameter names
/// of Zoho's own files (<c>*Comments.json</c>, <c>*Attachment.json</c>): comments (HTML, isPublic; changed with PATCH on
/// tickets and contracts, PUT elsewhere), attachments (multipart part <c>file</c>, binary download at the attachment's
/// href). Only tickets send webhook events for them, as Zoho documents.</summary>
public static class ZohoSandboxChildEndpoints
{
    /// <summary>Larger uploads are refused with 413 RESOURCE_SIZE_EXCEEDED.</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>Per module: the path parameter of list, create, read and change, the change method, and whether the
    /// list and read take <c>include</c> (Zoho's TaskComments.json has none).</summary>
    private static readonly (string Module, string ListParameter, string ItemParameter, string[] UpdateMethods, bool Include)[] CommentRoutes =
    [
        ("tickets", "ticketId", "ticketId", ["PATCH"], true),
        ("accounts", "accountId", "accountId", ["PUT"], true),
        ("contacts", "contactId", "contactId", ["PUT"], true),
        ("calls", "entityId", "callId", ["PUT"], true),
        ("events", "eventId", "eventId", ["PUT"], true),
        ("tasks", "entityId", "entityId", ["PUT"], false),
        ("contracts", "contractId", "contractId", ["PUT", "PATCH"], true),
    ];

    /// <summary>Per module: the path parameter, whether files can be listed, and whether Zoho documents the download route
    /// (elsewhere it is the address in each attachment's href).</summary>
    private static readonly (string Module, string Parameter, bool List)[] AttachmentRoutes =
    [
        ("tickets", "ticketId", true),
        ("accounts", "accountId", true),
        ("contacts", "contactId", true),
        ("events", "eventId", true),
        ("products", "productId", true),
        ("tasks", "taskId", true),
        ("calls", "callId", false),
    ];

    internal static void Map(RouteGroupBuilder api)
    {
        foreach (var (module, listParameter, itemParameter, updateMethods, include) in CommentRoutes)
        {
            var m = module;
            var listQuery = include ? new ZohoSandboxQueryParameters("from", "limit", "sortBy", "include") : new ZohoSandboxQueryParameters("from", "limit", "sortBy");
            api.MapGet($"/{m}/{{{listParameter}}}/comments", (HttpRequest request, ZohoSandboxState state) =>
                ListComments(m, Route(request, listParameter), request, state)).WithMetadata(listQuery);
            api.MapPost($"/{m}/{{{itemParameter}}}/comments", (HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
                CreateCommentAsync(m, Route(request, itemParameter), request, state, webhooks)).WithMetadata(new ZohoSandboxQueryParameters());
            api.MapGet($"/{m}/{{{itemParameter}}}/comments/{{commentId}}", (HttpRequest request, string commentId, ZohoSandboxState state) =>
                GetComment(m, Route(request, itemParameter), commentId, state))
                .WithMetadata(include ? new ZohoSandboxQueryParameters("include") : new ZohoSandboxQueryParameters());
            api.MapMethods($"/{m}/{{{itemParameter}}}/comments/{{commentId}}", updateMethods,
                (HttpRequest request, string commentId, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
                    UpdateCommentAsync(m, Route(request, itemParameter), commentId, request, state, webhooks)).WithMetadata(new ZohoSandboxQueryParameters());
        }

        foreach (var (module, parameter, list) in AttachmentRoutes)
        {
            var m = module;
            if (list)
            {
                var listQuery = m == "tickets"
                    ? new ZohoSandboxQueryParameters("from", "limit", "sortBy", "isPublic", "include")
                    : new ZohoSandboxQueryParameters("from", "limit", "sortBy", "include");
                api.MapGet($"/{m}/{{{parameter}}}/attachments", (HttpRequest request, ZohoSandboxState state) =>
                    ListAttachments(m, Route(request, parameter), request, state)).WithMetadata(listQuery);
                api.MapGet($"/{m}/{{{parameter}}}/attachments/{{attachmentId}}/content", (HttpRequest request, string attachmentId, ZohoSandboxState state) =>
                {
                    lock (state.Gate)
                    {
                        var attachment = state.Attachments.GetValueOrDefault(Route(request, parameter))?.FirstOrDefault(a => a.Id == attachmentId);
                        return attachment is null ? ZohoSandboxResults.NotFound() : File(attachment, state);
                    }
                }).WithMetadata(m == "events" ? new ZohoSandboxQueryParameters() : new ZohoSandboxQueryParameters("inline"));
            }

            api.MapPost($"/{m}/{{{parameter}}}/attachments", (HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
                UploadAsync(m, Route(request, parameter), request, state, webhooks))
                .WithMetadata(m == "tickets" ? new ZohoSandboxQueryParameters("isPublic") : new ZohoSandboxQueryParameters());
        }
    }

    /// <summary>Adds a comment straight into the simulated Desk (seed data and tests), written by the named person.</summary>
    public static JsonObject AddComment(ZohoSandboxState state, string recordId, string html, bool isPublic, string firstName, string lastName,
        string? commentedTime = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var comment = NewComment(state, html, "html", isPublic, new JsonObject
        {
            ["id"] = state.NewId(),
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["name"] = $"{firstName} {lastName}",
            ["email"] = $"{firstName}.{lastName}@example.com".ToLowerInvariant(),
            ["photoURL"] = null,
            ["roleName"] = "Agent",
            ["type"] = "AGENT",
        });
        if (commentedTime is not null)
        {
            comment["commentedTime"] = commentedTime;
        }

        var comments = state.Comments.TryGetValue(recordId, out var list) ? list : state.Comments[recordId] = [];
        comments.Add(comment);
        return comment;
    }

    internal static JsonObject Attachment(ZohoSandboxState state, string path, SandboxAttachment a) => new()
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

    internal static IResult File(SandboxAttachment attachment, ZohoSandboxState state) =>
        Results.Stream(new SandboxCountingStream(attachment.OpenRead(), state.CountAttachmentBytes), "application/octet-stream", attachment.Name,
            enableRangeProcessing: false);

    private static string Route(HttpRequest request, string name) => (string)request.RouteValues[name]!;

    private static JsonObject NewComment(ZohoSandboxState state, string content, string contentType, bool isPublic, JsonObject commenter) => new()
    {
        ["id"] = state.NewId(),
        ["content"] = content,
        ["contentType"] = contentType,
        ["isPublic"] = isPublic,
        ["commenterId"] = commenter["id"]!.GetValue<string>(),
        ["commenter"] = commenter,
        ["commentedTime"] = ZohoSandboxState.Format(state.Now),
        ["modifiedTime"] = null,
        ["attachments"] = new JsonArray(),
        ["encodedContent"] = null,
        ["impersonatedUser"] = null,
    };

    private static IResult ListComments(string module, string recordId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find(module, recordId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var comments = state.Comments.GetValueOrDefault(recordId) ?? [];
            var sorted = request.Query["sortBy"].FirstOrDefault() == "commentedTime"
                ? comments.OrderBy(c => c["commentedTime"]!.GetValue<string>(), StringComparer.Ordinal)
                : comments.OrderByDescending(c => c["commentedTime"]!.GetValue<string>(), StringComparer.Ordinal);
            return ZohoSandboxResults.List(sorted.Skip(from).Take(limit).Select(c => c.DeepClone().AsObject()).ToList());
        }
    }

    private static IResult GetComment(string module, string recordId, string commentId, ZohoSandboxState state)
    {
        lock (state.Gate)
        {
            var comment = state.Find(module, recordId) is null
                ? null
                : state.Comments.GetValueOrDefault(recordId)?.FirstOrDefault(c => c["id"]?.GetValue<string>() == commentId);
            return comment is null ? ZohoSandboxResults.NotFound() : ZohoSandboxResults.Json(comment.DeepClone());
        }
    }

    private static async Task<IResult> CreateCommentAsync(string module, string recordId, HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        var body = await ReadJsonAsync(request);
        if (body?["content"] is not JsonValue content || !content.TryGetValue<string>(out var text) || text.Length == 0)
        {
            return ZohoSandboxResults.Invalid("content", "missing", "content is required.");
        }

        if (text.Length > 32000)
        {
            return ZohoSandboxResults.Invalid("content", "invalid", "content is longer than 32000 characters.");
        }

        JsonObject comment;
        string? department;
        lock (state.Gate)
        {
            var record = state.Find(module, recordId);
            if (record is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            var agent = state.Agents[0];
            comment = NewComment(state, text, Text(body["contentType"]) ?? "html", body["isPublic"] is JsonValue p && p.TryGetValue<bool>(out var isPublic) && isPublic,
                ZohoSandboxSeed.Commenter(agent, "Administrator"));
            var comments = state.Comments.TryGetValue(recordId, out var list) ? list : state.Comments[recordId] = [];
            comments.Add(comment);
            record["commentCount"] = comments.Count.ToString(CultureInfo.InvariantCulture);
            TouchParent(state, record);
            department = ZohoSandboxRecordEndpoints.Text(record, "departmentId");
        }

        if (module == "tickets")
        {
            var payload = comment.DeepClone().AsObject();
            payload["ticketId"] = recordId;
            webhooks.Publish("Ticket_Comment_Add", payload, departmentId: department);
        }

        return ZohoSandboxResults.Json(comment.DeepClone());
    }

    private static async Task<IResult> UpdateCommentAsync(string module, string recordId, string commentId, HttpRequest request, ZohoSandboxState state,
        ZohoSandboxWebhookDispatcher webhooks)
    {
        var body = await ReadJsonAsync(request);
        if (body is null || body.Count == 0)
        {
            return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
        }

        JsonObject comment;
        lock (state.Gate)
        {
            var record = state.Find(module, recordId);
            var found = record is null ? null : state.Comments.GetValueOrDefault(recordId)?.FirstOrDefault(c => c["id"]?.GetValue<string>() == commentId);
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
            TouchParent(state, record!);
            comment = found.DeepClone().AsObject();
        }

        if (module == "tickets")
        {
            var payload = comment.DeepClone().AsObject();
            payload["ticketId"] = recordId;
            webhooks.Publish("Ticket_Comment_Update", payload);
        }

        return ZohoSandboxResults.Json(comment);
    }

    private static IResult ListAttachments(string module, string recordId, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            if (state.Find(module, recordId) is null)
            {
                return ZohoSandboxResults.NotFound();
            }

            IEnumerable<SandboxAttachment> attachments = state.Attachments.GetValueOrDefault(recordId) ?? [];
            if (module == "tickets" && bool.TryParse(request.Query["isPublic"].FirstOrDefault(), out var isPublic))
            {
                attachments = attachments.Where(a => a.IsPublic == isPublic);
            }

            return ZohoSandboxResults.List(attachments.OrderBy(a => a.CreatedTime, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)
                .Skip(from).Take(limit).Select(a => Attachment(state, $"{module}/{recordId}/attachments/{a.Id}", a)).ToList());
        }
    }

    private static async Task<IResult> UploadAsync(string module, string recordId, HttpRequest request, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
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
            var record = state.Find(module, recordId);
            if (record is null)
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
                IsPublic = module == "tickets" && bool.TryParse(request.Query["isPublic"].FirstOrDefault(), out var p) && p,
                Content = bytes,
            };
            var list = state.Attachments.TryGetValue(recordId, out var existing) ? existing : state.Attachments[recordId] = [];
            list.Add(attachment);
            record["attachmentCount"] = list.Count.ToString(CultureInfo.InvariantCulture);
            TouchParent(state, record);
            answer = Attachment(state, $"{module}/{recordId}/attachments/{attachment.Id}", attachment);
        }

        if (module == "tickets")
        {
            var payload = answer.DeepClone().AsObject();
            payload["ticketId"] = recordId;
            webhooks.Publish("Ticket_Attachment_Add", payload);
        }

        return ZohoSandboxResults.Json(answer);
    }

    /// <summary>A new or changed comment or file moves its record's modifiedTime (when the simulator is set to).</summary>
    private static void TouchParent(ZohoSandboxState state, JsonObject record)
    {
        if (state.ChildChangesTouchTicket)
        {
            state.Touch(record);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

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
