using System.Globalization;
using System.Text.Json.Nodes;
using Bogus;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The demo organization's data, the same on every start (fixed Bogus seed): departments, agents, accounts,
/// contacts, ~50 tickets across statuses, priorities and channels with comments, threads and attachments (one over
/// 10 MB), tasks, calls, events, products, contracts and time entries. Times are relative to the app's clock.</summary>
internal static class ZohoSandboxSeed
{
    public const int Seed = 20261121;

    /// <summary>Size of the seeded attachment that is over the default 10 MB sync limit.</summary>
    public const long LargeAttachmentSize = (12L * 1024 * 1024) + 321;

    public static readonly string[] Statuses = ["Open", "On Hold", "Escalated", "Closed"];

    public static readonly Dictionary<string, string> StatusTypes = new(StringComparer.Ordinal)
    {
        ["Open"] = "Open",
        ["On Hold"] = "On Hold",
        ["Escalated"] = "Open",
        ["Closed"] = "Closed",
    };

    public static readonly string[] Priorities = ["Low", "Medium", "High"];

    public static readonly string[] Channels = ["Email", "Phone", "Web", "Chat", "Twitter", "Forums"];

    public static void Apply(ZohoSandboxState state, DateTimeOffset now)
    {
        var f = new Faker("en") { Random = new Randomizer(Seed) };
        var start = ZohoSandboxState.Truncate(now).AddDays(-60);
        DateTimeOffset At(int minDays, int maxDays) => start.AddDays(f.Random.Int(minDays, maxDays)).AddMinutes(f.Random.Int(0, 1439));

        foreach (var name in new[] { "Support", "Billing", "Field Service" })
        {
            state.Departments.Add(new JsonObject
            {
                ["id"] = state.NewId(),
                ["name"] = name,
                ["nameInCustomerPortal"] = name,
                ["isEnabled"] = true,
                ["isDefault"] = name == "Support",
                ["description"] = $"{name} team",
                ["createdTime"] = ZohoSandboxState.Format(start),
                ["hasLogo"] = false,
                ["sanitizedName"] = name.ToLowerInvariant().Replace(' ', '-'),
                ["isVisibleInCustomerPortal"] = true,
                ["isAssignToTeamEnabled"] = false,
                ["chatStatus"] = "AVAILABLE",
                ["creatorId"] = null,
            });
        }

        for (var i = 0; i < 6; i++)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            state.Agents.Add(new JsonObject
            {
                ["id"] = state.NewId(),
                ["firstName"] = first,
                ["lastName"] = last,
                ["name"] = $"{first} {last}",
                ["emailId"] = f.Internet.Email(first, last, "zylker.example"),
                ["status"] = "ACTIVE",
                ["isConfirmed"] = true,
                ["roleId"] = null,
                ["profileId"] = null,
                ["photoURL"] = null,
                ["zuid"] = f.Random.Long(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
                ["timeZone"] = "Europe/London",
                ["langCode"] = "en_US",
                ["countryCode"] = "en_GB",
                ["phone"] = string.Empty,
                ["mobile"] = string.Empty,
                ["extn"] = string.Empty,
                ["aboutInfo"] = string.Empty,
                ["isZiaAgent"] = false,
                ["rolePermissionType"] = i == 0 ? "Admin" : "AgentPublic",
                ["channelExpert"] = new JsonArray("Email", "Web"),
                ["associatedDepartmentIds"] = new JsonArray([.. state.Departments.Select(d => d["id"]!.DeepClone())]),
                ["associatedChatDepartmentIds"] = new JsonArray(),
            });
        }

        string Department() => f.PickRandom(state.Departments)["id"]!.GetValue<string>();
        string Agent() => f.PickRandom(state.Agents)["id"]!.GetValue<string>();

        var accounts = new List<JsonObject>();
        for (var i = 0; i < 20; i++)
        {
            var company = f.Company.CompanyName();
            var account = state.AddRecord("accounts", new JsonObject
            {
                ["accountName"] = company,
                ["email"] = f.Internet.Email(provider: "example.com"),
                ["phone"] = f.Phone.PhoneNumber("+1 ###-###-####"),
                ["website"] = f.Internet.Url(),
                ["industry"] = f.PickRandom("Software", "Retail", "Manufacturing", "Healthcare"),
                ["city"] = f.Address.City(),
                ["country"] = f.Address.Country(),
                ["street"] = f.Address.StreetAddress(),
                ["state"] = f.Address.State(),
                ["code"] = f.Address.ZipCode(),
                ["description"] = f.Company.CatchPhrase(),
                ["ownerId"] = Agent(),
                ["annualrevenue"] = null,
                ["fax"] = null,
                ["layoutId"] = state.NewId(),
                ["isDeleted"] = false,
                ["isTrashed"] = false,
                ["isFollowing"] = false,
            }, At(0, 20));
            account["webUrl"] = state.WebUrl("Accounts", account["id"]!.GetValue<string>());
            accounts.Add(account);
        }

        var contacts = new List<JsonObject>();
        for (var i = 0; i < 40; i++)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var account = f.PickRandom(accounts);
            var contact = state.AddRecord("contacts", new JsonObject
            {
                ["firstName"] = first,
                ["lastName"] = last,
                ["email"] = f.Internet.Email(first, last, "example.com"),
                ["phone"] = f.Phone.PhoneNumber("+1 ###-###-####"),
                ["mobile"] = null,
                ["title"] = f.Name.JobTitle(),
                ["accountId"] = account["id"]!.GetValue<string>(),
                ["ownerId"] = Agent(),
                ["type"] = null,
                ["description"] = null,
                ["city"] = f.Address.City(),
                ["country"] = f.Address.Country(),
                ["state"] = f.Address.State(),
                ["street"] = f.Address.StreetAddress(),
                ["zip"] = f.Address.ZipCode(),
                ["isSpam"] = false,
                ["isDeleted"] = false,
                ["isTrashed"] = false,
                ["isAnonymous"] = false,
                ["isEndUser"] = false,
                ["isFollowing"] = false,
                ["layoutId"] = state.NewId(),
                ["photoURL"] = null,
                ["secondaryEmail"] = null,
            }, At(0, 25));
            contact["webUrl"] = state.WebUrl("Contacts", contact["id"]!.GetValue<string>());
            contacts.Add(contact);
        }

        var products = new List<JsonObject>();
        foreach (var name in new[] { "Zylker Router X1", "Zylker Router X2", "Cloud Backup", "Smart Thermostat", "Door Sensor", "Gateway Pro", "Mesh Node", "Support Plan Plus" })
        {
            products.Add(state.AddRecord("products", new JsonObject
            {
                ["productName"] = name,
                ["productCode"] = "ZY-" + f.Random.Int(1000, 9999).ToString(CultureInfo.InvariantCulture),
                ["unitPrice"] = f.Random.Int(20, 900).ToString(CultureInfo.InvariantCulture),
                ["productCategory"] = f.PickRandom("Hardware", "Service"),
                ["manufacturer"] = "Zylker",
                ["description"] = f.Commerce.ProductDescription(),
                ["ownerId"] = Agent(),
                ["createdBy"] = Agent(),
                ["modifiedBy"] = null,
                ["departmentIds"] = new JsonArray(Department()),
                ["isDeleted"] = false,
                ["layoutId"] = state.NewId(),
            }, At(0, 10)));
        }

        var ticketIds = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var contact = f.PickRandom(contacts);
            var status = Statuses[i % Statuses.Length];
            var created = At(10, 55);
            var ticket = state.AddRecord("tickets", new JsonObject
            {
                ["subject"] = f.PickRandom("Cannot log in", "Refund request", "Router keeps rebooting", "Invoice is wrong",
                    "Feature request: export", "Slow sync", "Password reset email missing", "Device offline") + " - " + f.Commerce.ProductName(),
                ["description"] = $"<div>{System.Net.WebUtility.HtmlEncode(f.Lorem.Paragraph())}</div><div><br /></div><div><b>Order</b> #{f.Random.Int(1000, 9999)}</div>",
                ["status"] = status,
                ["statusType"] = StatusTypes[status],
                ["priority"] = Priorities[i % Priorities.Length],
                ["channel"] = Channels[i % Channels.Length],
                ["channelCode"] = null,
                ["classification"] = f.PickRandom("Problem", "Request", "Question", "Others"),
                ["category"] = null,
                ["subCategory"] = null,
                ["language"] = "English",
                ["departmentId"] = Department(),
                ["contactId"] = contact["id"]!.GetValue<string>(),
                ["accountId"] = contact["accountId"]!.GetValue<string>(),
                ["assigneeId"] = i % 7 == 0 ? null : Agent(),
                ["teamId"] = null,
                ["productId"] = i % 3 == 0 ? f.PickRandom(products)["id"]!.GetValue<string>() : null,
                ["email"] = contact["email"]!.GetValue<string>(),
                ["phone"] = contact["phone"]!.GetValue<string>(),
                ["dueDate"] = ZohoSandboxState.Format(created.AddDays(3)),
                ["responseDueDate"] = null,
                ["customerResponseTime"] = ZohoSandboxState.Format(created),
                ["closedTime"] = status == "Closed" ? ZohoSandboxState.Format(created.AddDays(2)) : null,
                ["onholdTime"] = status == "On Hold" ? ZohoSandboxState.Format(created.AddDays(1)) : null,
                ["createdBy"] = Agent(),
                ["modifiedBy"] = Agent(),
                ["threadCount"] = "0",
                ["commentCount"] = "0",
                ["taskCount"] = "0",
                ["attachmentCount"] = "0",
                ["approvalCount"] = "0",
                ["timeEntryCount"] = "0",
                ["tagCount"] = "0",
                ["followerCount"] = "0",
                ["isSpam"] = false,
                ["isEscalated"] = status == "Escalated",
                ["isOverDue"] = false,
                ["isResponseOverdue"] = false,
                ["isArchived"] = false,
                ["isDeleted"] = false,
                ["isFollowing"] = false,
                ["sentiment"] = null,
                ["resolution"] = null,
                ["layoutId"] = state.NewId(),
                ["slaId"] = null,
                ["contractId"] = null,
                ["source"] = new JsonObject { ["appName"] = null, ["extId"] = null, ["permalink"] = null, ["type"] = "SYSTEM", ["appPhotoURL"] = null },
                ["channelRelatedInfo"] = null,
                ["sharedDepartments"] = new JsonArray(),
                ["secondaryContacts"] = new JsonArray(),
                ["entitySkills"] = new JsonArray(),
                ["cf"] = new JsonObject { ["cf_severity"] = f.PickRandom("S1", "S2", "S3"), ["cf_jira_key"] = null },
            }, created);
            var id = ticket["id"]!.GetValue<string>();
            ticket["webUrl"] = state.WebUrl("Cases", id);
            ticketIds.Add(id);

            var threads = new List<SandboxThread>();
            for (var t = 0; t < 1 + (i % 3); t++)
            {
                var threadTime = created.AddHours(t * 5);
                var thread = new SandboxThread
                {
                    Summary = new JsonObject
                    {
                        ["id"] = state.NewId(),
                        ["channel"] = "EMAIL",
                        ["direction"] = t % 2 == 0 ? "in" : "out",
                        ["status"] = "SUCCESS",
                        ["visibility"] = "public",
                        ["summary"] = f.Lorem.Sentence(),
                        ["isDescriptionThread"] = t == 0,
                        ["canReply"] = true,
                        ["hasAttach"] = false,
                        ["attachmentCount"] = "0",
                        ["createdTime"] = ZohoSandboxState.Format(threadTime),
                        ["fromEmailAddress"] = contact["email"]!.GetValue<string>(),
                        ["to"] = "support@zylker.example",
                        ["cc"] = null,
                        ["bcc"] = null,
                        ["isForward"] = false,
                        ["contentType"] = "text/html",
                        ["responderId"] = null,
                        ["respondedIn"] = null,
                        ["author"] = new JsonObject { ["name"] = contact["lastName"]!.GetValue<string>(), ["email"] = contact["email"]!.GetValue<string>(), ["type"] = "END_USER", ["photoURL"] = null },
                    },
                    Content = $"<div>{System.Net.WebUtility.HtmlEncode(f.Lorem.Paragraph())}</div>",
                };
                if ((i + t) % 4 == 0)
                {
                    thread.Attachments.Add(NewSeededAttachment(state, f, $"screenshot-{i}-{t}.png", f.Random.Int(2_000, 200_000), threadTime, Agent()));
                    thread.Summary["hasAttach"] = true;
                    thread.Summary["attachmentCount"] = "1";
                }

                threads.Add(thread);
            }

            state.Threads[id] = threads;
            ticket["threadCount"] = threads.Count.ToString(CultureInfo.InvariantCulture);

            var comments = new List<JsonObject>();
            for (var c = 0; c < i % 4; c++)
            {
                var agent = f.PickRandom(state.Agents);
                comments.Add(new JsonObject
                {
                    ["id"] = state.NewId(),
                    ["content"] = $"<div>{System.Net.WebUtility.HtmlEncode(f.Lorem.Sentence())} <b>checked</b>.</div>",
                    ["contentType"] = "html",
                    ["isPublic"] = c % 2 == 1,
                    ["commenterId"] = agent["id"]!.GetValue<string>(),
                    ["commenter"] = Commenter(agent, "Agent"),
                    ["commentedTime"] = ZohoSandboxState.Format(created.AddHours(c + 1)),
                    ["modifiedTime"] = null,
                    ["attachments"] = new JsonArray(),
                    ["encodedContent"] = null,
                    ["impersonatedUser"] = null,
                });
            }

            state.Comments[id] = comments;
            ticket["commentCount"] = comments.Count.ToString(CultureInfo.InvariantCulture);

            var attachments = new List<SandboxAttachment>();
            if (i % 5 == 0)
            {
                attachments.Add(NewSeededAttachment(state, f, $"log-{i}.txt", f.Random.Int(500, 50_000), created, Agent()));
            }

            if (i == 7)
            {
                attachments.Add(NewSeededAttachment(state, f, "full-diagnostics.zip", LargeAttachmentSize, created.AddHours(1), Agent()));
            }

            state.Attachments[id] = attachments;
            ticket["attachmentCount"] = attachments.Count.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < 15; i++)
        {
            var entries = new List<JsonObject>();
            var ticketId = ticketIds[i * 3];
            for (var e = 0; e < 1 + (i % 2); e++)
            {
                var minutes = f.Random.Int(10, 240);
                entries.Add(new JsonObject
                {
                    ["id"] = state.NewId(),
                    ["secondsSpent"] = "0",
                    ["minutesSpent"] = (minutes % 60).ToString(CultureInfo.InvariantCulture),
                    ["hoursSpent"] = (minutes / 60).ToString(CultureInfo.InvariantCulture),
                    ["executedTime"] = ZohoSandboxState.Format(At(40, 58)),
                    ["isBillable"] = e == 0,
                    ["billingType"] = e == 0 ? "FIXED_COST_FOR_AGENTS" : "NON_BILLABLE",
                    ["description"] = f.Lorem.Sentence(),
                    ["ownerId"] = Agent(),
                    ["requestId"] = ticketId,
                    ["createdTime"] = ZohoSandboxState.Format(At(40, 58)),
                    ["modifiedTime"] = ZohoSandboxState.Format(At(58, 59)),
                    ["agentCostPerHour"] = "30",
                    ["additionalCost"] = "0",
                    ["totalCost"] = "0",
                    ["parent"] = new JsonObject { ["type"] = "TICKETS", ["id"] = ticketId },
                    ["cf"] = new JsonObject(),
                });
            }

            state.TimeEntries[ticketId] = entries;
            state.Records["tickets"][ticketId]["timeEntryCount"] = entries.Count.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (module, count) in new[] { ("tasks", 15), ("calls", 10), ("events", 10) })
        {
            for (var i = 0; i < count; i++)
            {
                var ticketId = ticketIds[f.Random.Int(0, ticketIds.Count - 1)];
                var ticket = state.Records["tickets"][ticketId];
                var record = new JsonObject
                {
                    ["subject"] = module switch
                    {
                        "tasks" => f.PickRandom("Call back customer", "Ship replacement", "Check logs", "Update firmware"),
                        "calls" => f.PickRandom("Follow-up call", "Escalation call", "Onboarding call"),
                        _ => f.PickRandom("On-site visit", "Demo session", "Training"),
                    },
                    ["description"] = f.Lorem.Sentence(),
                    ["departmentId"] = ticket["departmentId"]!.GetValue<string>(),
                    ["ticketId"] = ticketId,
                    ["contactId"] = ticket["contactId"]!.GetValue<string>(),
                    ["ownerId"] = Agent(),
                    ["creatorId"] = Agent(),
                    ["modifiedBy"] = null,
                    ["priority"] = f.PickRandom(Priorities),
                    ["status"] = f.PickRandom("Not Started", "In Progress", "Completed"),
                    ["isSpam"] = false,
                    ["isTrashed"] = false,
                    ["dueDate"] = ZohoSandboxState.Format(At(56, 62)),
                    ["completedTime"] = null,
                    ["reminder"] = null,
                    ["layoutId"] = state.NewId(),
                };
                record["statusType"] = record["status"]!.GetValue<string>() == "Completed" ? "Closed" : "Open";
                if (module == "tasks")
                {
                    record["category"] = f.PickRandom("Follow-up", "Shipment");
                }
                else
                {
                    record["startTime"] = ZohoSandboxState.Format(At(50, 62));
                    record["duration"] = f.Random.Int(300, 3600).ToString(CultureInfo.InvariantCulture);
                    if (module == "calls")
                    {
                        record["direction"] = f.PickRandom("inbound", "outbound");
                    }
                    else
                    {
                        record["category"] = f.PickRandom("Meeting", "Demo");
                    }
                }

                var added = state.AddRecord(module, record, At(40, 58));
                added["webUrl"] = state.WebUrl(module == "tasks" ? "Tasks" : module == "calls" ? "Calls" : "Events", added["id"]!.GetValue<string>());
            }
        }

        for (var i = 0; i < 6; i++)
        {
            var account = accounts[i];
            var from = At(0, 30);
            state.AddRecord("contracts", new JsonObject
            {
                ["contractName"] = $"{account["accountName"]!.GetValue<string>()} support {2026 + (i % 2)}",
                ["contractNumber"] = "CN-" + (1000 + i).ToString(CultureInfo.InvariantCulture),
                ["accountId"] = account["id"]!.GetValue<string>(),
                ["departmentId"] = Department(),
                ["productId"] = products[i % products.Count]["id"]!.GetValue<string>(),
                ["ownerId"] = Agent(),
                ["createdBy"] = Agent(),
                ["modifiedBy"] = null,
                ["contractStatus"] = "ACTIVE",
                ["startDate"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["endDate"] = from.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["description"] = null,
                ["associatedSLAId"] = null,
                ["notifyBefore"] = null,
                ["notifyOn"] = null,
                ["notificationAgentIds"] = new JsonArray(),
                ["supportPlan"] = null,
                ["layoutId"] = state.NewId(),
            }, from);
        }
    }

    private static SandboxAttachment NewSeededAttachment(ZohoSandboxState state, Faker f, string name, long size, DateTimeOffset at, string creatorId) => new()
    {
        Id = state.NewId(),
        Name = name,
        Size = size,
        CreatedTime = ZohoSandboxState.Format(at),
        CreatorId = creatorId,
        IsPublic = f.Random.Bool(),
        GeneratedSeed = f.Random.Int(1, int.MaxValue - 1),
    };

    /// <summary>A comment's <c>commenter</c> object for an agent, as Zoho answers it.</summary>
    internal static JsonObject Commenter(JsonObject agent, string roleName) => new()
    {
        ["id"] = agent["id"]!.GetValue<string>(),
        ["firstName"] = agent["firstName"]!.GetValue<string>(),
        ["lastName"] = agent["lastName"]!.GetValue<string>(),
        ["name"] = agent["name"]!.GetValue<string>(),
        ["email"] = agent["emailId"]!.GetValue<string>(),
        ["photoURL"] = null,
        ["roleName"] = roleName,
        ["type"] = "AGENT",
    };
}
