using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated Desk records: organizations, get/list/create/update per module, search by modifiedTimeRange and
/// text, field metadata, departments, agents and moving tickets to the trash.</summary>
internal static class ZohoSandboxRecordEndpoints
{
    /// <summary>The search API's offset cap (Zoho's OpenAPI: from 0-999).</summary>
    public const int MaxSearchFrom = 999;

    private static readonly Dictionary<string, string> EventPrefix = new(StringComparer.Ordinal)
    {
        ["tickets"] = "Ticket",
        ["contacts"] = "Contact",
        ["accounts"] = "Account",
        ["tasks"] = "Task",
        ["calls"] = "Call",
        ["events"] = "Event",
    };

    private static readonly Dictionary<string, string> WebSection = new(StringComparer.Ordinal)
    {
        ["tickets"] = "Cases",
        ["contacts"] = "Contacts",
        ["accounts"] = "Accounts",
        ["tasks"] = "Tasks",
        ["calls"] = "Calls",
        ["events"] = "Events",
    };

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["tickets"] = ["subject", "departmentId"],
        ["contacts"] = ["lastName"],
        ["accounts"] = ["accountName"],
        ["tasks"] = ["subject", "departmentId"],
        ["calls"] = ["subject", "departmentId", "startTime"],
        ["events"] = ["subject", "departmentId", "startTime"],
        ["products"] = ["productName"],
        ["contracts"] = ["contractName", "accountId", "departmentId", "startDate", "endDate"],
    };

    /// <summary>The organization's modules as <c>organizationModules</c> lists them: the standard ones (the nine the
    /// connector polls plus Agents) and one custom module, listed only with the <c>featureFlags: customModule</c> header.</summary>
    private static readonly (string Id, string ApiName, string Plural, string Singular, string NameField, bool Custom)[] OrganizationModules =
    [
        ("1000000000377", "accounts", "Accounts", "Account", "accountName", false),
        ("1000000000379", "contacts", "Contacts", "Contact", "lastName", false),
        ("1000000000381", "tasks", "Tasks", "Task", "subject", false),
        ("1000000000383", "tickets", "Tickets", "Ticket", "subject", false),
        ("1000000000385", "contracts", "Contracts", "Contract", "contractName", false),
        ("1000000000387", "products", "Products", "Product", "productName", false),
        ("1000000000389", "timeEntry", "Time Entry", "Time Entry", "description", false),
        ("1000000000391", "agents", "Agents", "Agent", "lastName", false),
        ("1000000000393", "events", "Events", "Event", "subject", false),
        ("1000000000395", "calls", "Calls", "Call", "subject", false),
        ("1000000000397", "cm_assets", "Assets", "Asset", "cf_asset_name", true),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/organizations", (ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                return ZohoSandboxResults.List([Organization(state), .. state.ExtraOrganizations.Select(o => o.DeepClone().AsObject())]);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapGet("/departments", (HttpRequest request, ZohoSandboxState state) =>
        {
            if (!ZohoSandboxPaging.TryRead(request, maxLimit: 200, defaultLimit: 10, maxFrom: int.MaxValue, out var from, out var limit, out var error))
            {
                return error!;
            }

            var isEnabled = request.Query["isEnabled"].ToString();
            var search = request.Query["searchStr"].ToString();
            lock (state.Gate)
            {
                return ZohoSandboxResults.List(state.Departments
                    .Where(d => isEnabled.Length == 0 || string.Equals(d["isEnabled"]?.ToString(), isEnabled, StringComparison.OrdinalIgnoreCase))
                    .Where(d => Matches(Text(d, "name"), search))
                    .Skip(from).Take(limit)
                    .Select(d => d.DeepClone().AsObject()));
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "isEnabled", "searchStr", "chatStatus"));

        api.MapGet("/agents", (HttpRequest request, ZohoSandboxState state) =>
        {
            if (!ZohoSandboxPaging.TryRead(request, maxLimit: 200, defaultLimit: 10, maxFrom: int.MaxValue, out var from, out var limit, out var error))
            {
                return error!;
            }

            var status = request.Query["status"].ToString();
            var search = request.Query["searchStr"].ToString();
            lock (state.Gate)
            {
                return ZohoSandboxResults.List(state.Agents
                    .Where(a => status.Length == 0 || string.Equals(Text(a, "status"), status, StringComparison.OrdinalIgnoreCase))
                    .Where(a => Matches(Text(a, "name"), search) || Matches(Text(a, "emailId"), search))
                    .Skip(from).Take(limit)
                    .Select(a => a.DeepClone().AsObject()));
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("from", "limit", "status", "isConfirmed", "departmentIds", "searchStr"));

        api.MapGet("/organizationModules", (HttpRequest request, ZohoSandboxState state) =>
        {
            var withCustom = request.Headers["featureFlags"].ToString()
                .Split(',', StringSplitOptions.TrimEntries).Contains("customModule", StringComparer.Ordinal);
            var created = ZohoSandboxState.Format(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
            lock (state.Gate)
            {
                return ZohoSandboxResults.List(OrganizationModules
                    .Where(m => withCustom || !m.Custom)
                    .Select(m => new JsonObject
                    {
                        ["displayLabel"] = m.Plural,
                        ["modifiedTime"] = created,
                        ["apiName"] = m.ApiName,
                        ["modifier"] = null,
                        ["nameField"] = m.NameField,
                        ["description"] = m.Custom ? "Assets customers own, with their serial numbers." : null,
                        ["pluralLabel"] = m.Plural,
                        ["singularLabel"] = m.Singular,
                        ["hasRecycleBin"] = true,
                        ["createdBy"] = m.Custom ? Text(state.Agents[0], "id") : null,
                        ["isCustomModule"] = m.Custom,
                        ["createdTime"] = created,
                        ["modifiedBy"] = null,
                        ["isDeptSpecific"] = m.Custom,
                        ["id"] = m.Id,
                    }));
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());

        api.MapGet("/organizationFields", (HttpRequest request) => ZohoSandboxFields.For(request.Query["module"].ToString()))
            .WithMetadata(new ZohoSandboxQueryParameters("module", "departmentId"));

        foreach (var (module, idName) in ZohoSandboxState.Modules)
        {
            var listParameters = new ZohoSandboxQueryParameters(module switch
            {
                "tickets" => ["from", "limit", "sortBy", "include", "departmentId", "status", "channel"],
                "contacts" => ["from", "limit", "sortBy", "include", "viewId"],
                "accounts" => ["from", "limit", "sortBy"],
                "contracts" => ["from", "limit", "sortBy", "contractName", "accountId", "departmentIds", "ownerIds", "fields", "include"],
                _ => ["from", "limit", "sortBy", "include", "departmentId"],
            });
            api.MapGet($"/{module}", (HttpRequest request, ZohoSandboxState state) => List(module, request, state)).WithMetadata(listParameters);
            api.MapPost($"/{module}", (JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) => Create(module, body, state, webhooks))
                .WithMetadata(new ZohoSandboxQueryParameters());
            api.MapGet($"/{module}/{{{idName}}}", (HttpContext http, ZohoSandboxState state) => Get(module, (string)http.GetRouteValue(idName)!, state))
                .WithMetadata(module == "contracts" ? new ZohoSandboxQueryParameters() : new ZohoSandboxQueryParameters("include"));
            api.MapPatch($"/{module}/{{{idName}}}", (HttpContext http, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
                Update(module, (string)http.GetRouteValue(idName)!, body, state, webhooks)).WithMetadata(new ZohoSandboxQueryParameters());
            if (module != "contracts")
            {
                var searchParameters = new List<string> { "from", "limit", "sortBy", "modifiedTimeRange", "createdTimeRange", "_all", "id" };
                searchParameters.AddRange(module switch
                {
                    "tickets" => ["subject", "status", "priority", "channel", "departmentId", "contactId", "accountId", "ticketNumber"],
                    "contacts" => ["firstName", "lastName", "fullName"],
                    "accounts" => ["accountName"],
                    "products" => ["productName", "productCode"],
                    _ => ["subject", "status", "departmentId"],
                });
                api.MapGet($"/{module}/search", (HttpRequest request, ZohoSandboxState state) => Search(module, request, state))
                    .WithMetadata(new ZohoSandboxQueryParameters([.. searchParameters]));
            }
        }

        api.MapPost("/tickets/moveToTrash", (JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks) =>
        {
            var ids = (body?["ticketIds"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList() ?? [];
            if (ids.Count == 0)
            {
                return ZohoSandboxResults.Invalid("ticketIds", "missing", "ticketIds is required.");
            }

            var trashed = new List<string>();
            lock (state.Gate)
            {
                foreach (var id in ids)
                {
                    if (state.Find("tickets", id) is { } ticket && ticket["isTrashed"]?.GetValue<bool>() != true)
                    {
                        ticket["isTrashed"] = true;
                        state.Touch(ticket);
                        trashed.Add(id);
                    }
                }
            }

            foreach (var id in trashed)
            {
                webhooks.Publish("Ticket_Delete", new JsonObject { ["id"] = id });
            }

            return Results.NoContent();
        }).WithMetadata(new ZohoSandboxQueryParameters());
    }

    public static JsonObject Organization(ZohoSandboxState state) => new()
    {
        ["id"] = ZohoSandboxState.OrgId,
        ["companyName"] = ZohoSandboxState.CompanyName,
        ["portalName"] = ZohoSandboxState.PortalName,
        ["portalURL"] = $"{state.DeskBaseUrl}/support/{ZohoSandboxState.PortalName}",
        ["edition"] = "ENTERPRISE",
        ["isDefault"] = true,
        ["isAdminInOrg"] = true,
        ["isSandboxPortal"] = true,
        ["alias"] = null,
        ["description"] = "The ZohoJira sandbox organization",
        ["faviconURL"] = null,
        ["logoURL"] = null,
        ["employeeCount"] = "10",
        ["phoneNumber"] = null,
        ["website"] = null,
        ["city"] = "Chennai",
        ["country"] = "India",
        ["state"] = "Tamil Nadu",
        ["street"] = "Estancia IT Park",
        ["zip"] = "603202",
        ["currencyCode"] = "USD",
        ["currencyLocale"] = "US",
        ["currencySymbol"] = "$",
        ["fax"] = null,
        ["mobile"] = null,
        ["primaryContact"] = "admin@zylker.example",
        ["isPayloadEncryptionEnabled"] = false,
    };

    private static IResult Get(string module, string id, ZohoSandboxState state)
    {
        lock (state.Gate)
        {
            var record = state.Find(module, id);
            if (record is null || record["isTrashed"]?.GetValue<bool>() == true)
            {
                return ZohoSandboxResults.NotFound();
            }

            return ZohoSandboxResults.Json(Present(module, ZohoSandboxShapes.ForGet(module, record), state, "get", record));
        }
    }

    private static IResult List(string module, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, module == "tickets" ? 10 : 50, int.MaxValue, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            IEnumerable<JsonObject> records = Live(module, state);
            if (request.Query["departmentId"].FirstOrDefault() is { } department)
            {
                records = records.Where(r => Text(r, "departmentId") == department);
            }

            if (module == "contracts" && request.Query["contractName"].FirstOrDefault() is { Length: > 0 } name)
            {
                records = records.Where(r => Text(r, "contractName")?.Contains(name, StringComparison.OrdinalIgnoreCase) == true);
            }

            records = Sort(records, request.Query["sortBy"].FirstOrDefault() ?? "createdTime");
            return ZohoSandboxResults.List(records.Skip(from).Take(limit).Select(r => Present(module, ZohoSandboxShapes.ForList(module, r), state, "list", r)).ToList());
        }
    }

    private static IResult Search(string module, HttpRequest request, ZohoSandboxState state)
    {
        if (!ZohoSandboxPaging.TryRead(request, 100, 10, MaxSearchFrom, out var from, out var limit, out var error))
        {
            return error!;
        }

        lock (state.Gate)
        {
            IEnumerable<JsonObject> records = Live(module, state);
            foreach (var (name, value) in request.Query)
            {
                var text = value.ToString();
                switch (name)
                {
                    case "from" or "limit" or "sortBy" or "orgId":
                        break;
                    case "modifiedTimeRange" or "createdTimeRange":
                        if (!ZohoSandboxPaging.TryParseRange(text, out var start, out var end))
                        {
                            return ZohoSandboxResults.Invalid(name, "invalid", $"{name} must be two ISO timestamps separated by a comma.");
                        }

                        var field = name == "modifiedTimeRange" ? "modifiedTime" : "createdTime";
                        records = records.Where(r => Time(r, field) is { } at && at >= start && at <= end);
                        break;
                    case "_all":
                        var term = text.Trim('*');
                        if (term.Length < 3)
                        {
                            return ZohoSandboxResults.Invalid("_all", "invalid", "_all needs at least 3 characters.");
                        }

                        records = records.Where(r => r.Any(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s)
                            && s.Contains(term, StringComparison.OrdinalIgnoreCase)));
                        break;
                    default:
                        var wanted = text.Trim('*');
                        records = records.Where(r => Text(r, name)?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true);
                        break;
                }
            }

            var matches = Sort(records, request.Query["sortBy"].FirstOrDefault() ?? "relevance").ToList();
            var page = matches.Skip(from).Take(limit).Select(r => Present(module, ZohoSandboxShapes.ForSearch(module, r), state, "search", r)).ToList();
            return ZohoSandboxResults.List(page, matches.Count);
        }
    }

    private static IResult Create(string module, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        if (body is null || body.Count == 0)
        {
            return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
        }

        foreach (var field in Required[module])
        {
            if (body[field] is null)
            {
                return ZohoSandboxResults.Invalid(field, "missing", $"{field} is required.");
            }
        }

        JsonObject created;
        lock (state.Gate)
        {
            var record = body.DeepClone().AsObject();
            record.Remove("id");
            if (module == "tickets")
            {
                if (record["contactId"] is null)
                {
                    if (record["contact"] is not JsonObject contact || contact["lastName"] is null)
                    {
                        return ZohoSandboxResults.Invalid("contactId", "missing", "contactId or contact.lastName is required.");
                    }

                    var newContact = state.AddRecord("contacts", new JsonObject
                    {
                        ["firstName"] = contact["firstName"]?.DeepClone(),
                        ["lastName"] = contact["lastName"]!.DeepClone(),
                        ["email"] = contact["email"]?.DeepClone(),
                        ["phone"] = contact["phone"]?.DeepClone(),
                        ["isTrashed"] = false,
                    });
                    record["contactId"] = newContact["id"]!.GetValue<string>();
                }

                record.Remove("contact");
                record["status"] ??= "Open";
                record["statusType"] = ZohoSandboxSeed.StatusTypes.GetValueOrDefault(record["status"]!.GetValue<string>(), "Open");
                foreach (var counter in new[] { "threadCount", "commentCount", "taskCount", "attachmentCount", "approvalCount", "timeEntryCount", "tagCount", "followerCount" })
                {
                    record[counter] = "0";
                }

                // Zoho answers every standard field of a ticket, null when it was left empty.
                foreach (var field in new[] { "description", "dueDate", "priority", "email", "phone", "category", "subCategory", "classification", "assigneeId", "resolution", "productId", "teamId" })
                {
                    if (!record.ContainsKey(field))
                    {
                        record[field] = null;
                    }
                }

                record["isSpam"] = false;
                record["isArchived"] = false;
                record["isDeleted"] = false;
                record["createdBy"] = state.Agents.Count > 0 ? state.Agents[0]["id"]!.GetValue<string>() : null;
                record["modifiedBy"] = record["createdBy"]?.DeepClone();
            }

            if (module is "tasks" or "calls" or "events")
            {
                record["status"] ??= "Not Started";
                record["statusType"] = record["status"]!.GetValue<string>() == "Completed" ? "Closed" : "Open";
            }

            record["isTrashed"] = false;
            created = state.AddRecord(module, record);
            state.Comments[created["id"]!.GetValue<string>()] = [];
        }

        var answer = Present(module, ZohoSandboxShapes.ForGet(module, created), state, "get", created);
        if (EventPrefix.TryGetValue(module, out var prefix))
        {
            webhooks.Publish(prefix + "_Add", answer, departmentId: Text(created, "departmentId"));
        }

        return ZohoSandboxResults.Json(answer);
    }

    private static IResult Update(string module, string id, JsonObject? body, ZohoSandboxState state, ZohoSandboxWebhookDispatcher webhooks)
    {
        if (body is null || body.Count == 0)
        {
            return ZohoSandboxResults.Error(422, "EMPTY_PAYLOAD", "The request body is empty.");
        }

        JsonObject before;
        JsonObject after;
        string? department;
        lock (state.Gate)
        {
            var record = state.Find(module, id);
            if (record is null || record["isTrashed"]?.GetValue<bool>() == true)
            {
                return ZohoSandboxResults.NotFound();
            }

            before = Present(module, ZohoSandboxShapes.ForGet(module, record), state, "get", record);
            foreach (var (name, value) in body)
            {
                if (name is "id" or "createdTime" or "modifiedTime" or "ticketNumber" or "webUrl")
                {
                    return ZohoSandboxResults.Invalid(name, "invalid", $"{name} cannot be changed.");
                }

                if (name == "cf" && value is JsonObject cf)
                {
                    var target = record["cf"] as JsonObject ?? [];
                    foreach (var (key, cfValue) in cf)
                    {
                        target[key] = cfValue?.DeepClone();
                    }

                    record["cf"] = target;
                    continue;
                }

                record[name] = value?.DeepClone();
            }

            if (module == "tickets" && body.ContainsKey("status"))
            {
                var status = Text(record, "status") ?? "Open";
                record["statusType"] = ZohoSandboxSeed.StatusTypes.GetValueOrDefault(status, "Open");
                record["closedTime"] = record["statusType"]!.GetValue<string>() == "Closed" ? ZohoSandboxState.Format(state.Now) : null;
            }

            state.Touch(record);
            after = Present(module, ZohoSandboxShapes.ForGet(module, record), state, "get", record);
            department = Text(record, "departmentId");
        }

        if (EventPrefix.TryGetValue(module, out var prefix))
        {
            webhooks.Publish(prefix + "_Update", after, before, department);
        }

        return ZohoSandboxResults.Json(after);
    }

    private static IEnumerable<JsonObject> Live(string module, ZohoSandboxState state) =>
        state.Records[module].Values.Where(r => r["isTrashed"]?.GetValue<bool>() != true);

    private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> records, string sortBy)
    {
        var descending = sortBy.StartsWith('-');
        var field = sortBy.TrimStart('-');
        if (field == "relevance")
        {
            return records.OrderByDescending(r => Text(r, "modifiedTime"), StringComparer.Ordinal).ThenBy(r => Text(r, "id"), StringComparer.Ordinal);
        }

        var ordered = descending
            ? records.OrderByDescending(r => Text(r, field), StringComparer.Ordinal)
            : records.OrderBy(r => Text(r, field), StringComparer.Ordinal);
        return ordered.ThenBy(r => Text(r, "id"), StringComparer.Ordinal);
    }

    /// <summary>Rewrites addresses for the host the request came to and adds the related objects Zoho's answers carry
    /// (assignee, contact, department... in search results; layout details on a record).</summary>
    private static JsonObject Present(string module, JsonObject projected, ZohoSandboxState state, string kind, JsonObject record)
    {
        if (projected.ContainsKey("webUrl") && WebSection.TryGetValue(module, out var section))
        {
            projected["webUrl"] = state.WebUrl(section, projected["id"]!.GetValue<string>());
        }

        var layout = new JsonObject { ["id"] = Text(record, "layoutId"), ["layoutName"] = "Standard" };
        switch (module, kind)
        {
            case ("tickets", "get"):
                projected["layoutDetails"] = layout;
                break;
            case ("tickets", "list"):
                projected["lastThread"] = LastThread(state, record);
                projected["relationshipType"] = null;
                break;
            case ("tickets", "search"):
                projected["assignee"] = Agent(state, Text(record, "assigneeId"));
                projected["contact"] = Text(record, "contactId") is { } contactId && state.Find("contacts", contactId) is { } contact
                    ? new JsonObject
                    {
                        ["id"] = contactId,
                        ["firstName"] = contact["firstName"]?.DeepClone(),
                        ["lastName"] = contact["lastName"]?.DeepClone(),
                        ["email"] = contact["email"]?.DeepClone(),
                        ["phone"] = contact["phone"]?.DeepClone(),
                        ["mobile"] = contact["mobile"]?.DeepClone(),
                        ["type"] = null,
                        ["account"] = AccountSummary(state, Text(contact, "accountId")),
                    }
                    : null;
                projected["department"] = state.Departments.FirstOrDefault(d => Text(d, "id") == Text(record, "departmentId")) is { } department
                    ? new JsonObject { ["id"] = Text(department, "id"), ["name"] = Text(department, "name") }
                    : null;
                projected["product"] = Text(record, "productId") is { } productId && state.Find("products", productId) is { } product
                    ? new JsonObject { ["id"] = productId, ["productName"] = Text(product, "productName") }
                    : null;
                projected["team"] = null;
                projected["isRead"] = false;
                projected["lastThread"] = LastThread(state, record);
                projected["childTicketCount"] = "0";
                break;
            case ("contacts", _):
                projected["facebook"] = null;
                projected["twitter"] = null;
                projected["state"] = record["state"]?.DeepClone();
                projected["street"] = record["street"]?.DeepClone();
                projected["zip"] = record["zip"]?.DeepClone();
                projected["customerHappiness"] = new JsonObject { ["badPercentage"] = "0", ["okPercentage"] = "0", ["goodPercentage"] = "100" };
                projected["zohoCRMContact"] = null;
                if (kind == "get")
                {
                    projected["accountCount"] = Text(record, "accountId") is null ? "0" : "1";
                    projected["layoutDetails"] = layout;
                }
                else
                {
                    projected["account"] = AccountSummary(state, Text(record, "accountId"));
                    projected["owner"] = Agent(state, Text(record, "ownerId"));
                }

                break;
            case ("accounts", "get"):
                projected["associatedSLAIds"] = new JsonArray();
                projected["layoutDetails"] = layout;
                projected["zohoCRMAccount"] = null;
                break;
        }

        return projected;
    }

    private static JsonObject? LastThread(ZohoSandboxState state, JsonObject ticket) =>
        state.Threads.GetValueOrDefault(Text(ticket, "id")!)?.OrderBy(t => Text(t.Summary, "createdTime"), StringComparer.Ordinal).LastOrDefault() is { } thread
            ? new JsonObject
            {
                ["channel"] = Text(thread.Summary, "channel"),
                ["direction"] = Text(thread.Summary, "direction"),
                ["isDraft"] = false,
                ["isForward"] = false,
            }
            : null;

    private static JsonObject? AccountSummary(ZohoSandboxState state, string? accountId) =>
        accountId is not null && state.Find("accounts", accountId) is { } account
            ? new JsonObject { ["id"] = accountId, ["accountName"] = Text(account, "accountName"), ["website"] = Text(account, "website") }
            : null;

    private static JsonObject? Agent(ZohoSandboxState state, string? agentId) =>
        state.Agents.FirstOrDefault(a => Text(a, "id") == agentId) is { } agent
            ? new JsonObject
            {
                ["id"] = agentId,
                ["firstName"] = Text(agent, "firstName"),
                ["lastName"] = Text(agent, "lastName"),
                ["emailId"] = Text(agent, "emailId"),
                ["photoURL"] = null,
                ["zuid"] = Text(agent, "zuid"),
            }
            : null;

    internal static string? Text(JsonObject record, string field) =>
        record[field] is JsonValue value
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;

    private static DateTimeOffset? Time(JsonObject record, string field) =>
        Text(record, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private static bool Matches(string? value, string search) =>
        search.Length == 0 || (value?.Contains(search.Trim('*'), StringComparison.OrdinalIgnoreCase) ?? false);
}
