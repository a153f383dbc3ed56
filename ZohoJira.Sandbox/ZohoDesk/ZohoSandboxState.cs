using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The simulated Zoho Desk organization, in memory: records per module, ticket comments, threads, attachments and
/// time entries, webhook subscriptions. All access goes through <see cref="Gate"/>. Ids are long numeric strings and
/// timestamps ISO-8601 with milliseconds, like Zoho's; <c>modifiedTime</c> moves on every change.</summary>
public sealed class ZohoSandboxState(TimeProvider time)
{
    public const string OrgId = "70812345";

    public const string PortalName = "zylkerdemo";

    public const string CompanyName = "Zylker Demo (sandbox)";

    /// <summary>Record modules served under /api/v1/{module}, with their path parameter name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Modules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tickets"] = "ticketId",
        ["contacts"] = "contactId",
        ["accounts"] = "accountId",
        ["tasks"] = "taskId",
        ["calls"] = "callId",
        ["events"] = "eventId",
        ["products"] = "productId",
        ["contracts"] = "id",
    };

    private long _nextId = 1000;
    private int _nextTicketNumber = 100;

    private long _apiCalls;

    private long _attachmentBytesServed;

    public Lock Gate { get; } = new();

    public Dictionary<string, Dictionary<string, JsonObject>> Records { get; } =
        Modules.Keys.ToDictionary(m => m, _ => new Dictionary<string, JsonObject>(StringComparer.Ordinal), StringComparer.Ordinal);

    public Dictionary<string, List<JsonObject>> Comments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<SandboxAttachment>> Attachments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<SandboxThread>> Threads { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<JsonObject>> TimeEntries { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Webhooks { get; } = new(StringComparer.Ordinal);

    public List<JsonObject> Departments { get; } = [];

    /// <summary>More portals the sandbox user belongs to (listed by /organizations only; tokens stay bound to the demo
    /// organization). Empty by default, so connecting picks the demo organization automatically.</summary>
    public List<JsonObject> ExtraOrganizations { get; } = [];

    public List<JsonObject> Agents { get; } = [];

    /// <summary>The base URL Zoho would put in webUrl/href (set from the first request the simulator answers).</summary>
    public string DeskBaseUrl { get; set; } = "http://localhost/sandbox/zoho/desk";

    /// <summary>Whether a new comment, thread, attachment or time entry moves its ticket's modifiedTime (Zoho does not say).</summary>
    public bool ChildChangesTouchTicket { get; set; } = true;

    public DateTimeOffset Now => Truncate(time.GetUtcNow());

    /// <summary>Desk API calls received so far (any outcome): what tests and the benchmark count to show how many calls
    /// the connector spends.</summary>
    public long ApiCalls => Interlocked.Read(ref _apiCalls);

    internal void CountApiCall() => Interlocked.Increment(ref _apiCalls);

    /// <summary>Bytes of attachment content sent so far (as the downloads are read).</summary>
    public long AttachmentBytesServed => Interlocked.Read(ref _attachmentBytesServed);

    internal void CountAttachmentBytes(int count) => Interlocked.Add(ref _attachmentBytesServed, count);

    public string NewId() => (70812340000000000L + Interlocked.Increment(ref _nextId)).ToString(CultureInfo.InvariantCulture);

    public string NextTicketNumber() => Interlocked.Increment(ref _nextTicketNumber).ToString(CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public JsonObject? Find(string module, string id) =>
        Records.TryGetValue(module, out var records) && records.TryGetValue(id, out var record) ? record : null;

    /// <summary>Marks a record as changed now by the sandbox agent.</summary>
    public void Touch(JsonObject record)
    {
        record["modifiedTime"] = Format(Now);
        if (record.ContainsKey("modifiedBy"))
        {
            record["modifiedBy"] = Agents.Count > 0 ? Agents[0]["id"]!.GetValue<string>() : null;
        }
    }

    public void TouchTicket(string ticketId)
    {
        if (ChildChangesTouchTicket && Find("tickets", ticketId) is { } ticket)
        {
            Touch(ticket);
        }
    }

    public string WebUrl(string section, string id) => $"{DeskBaseUrl}/support/{PortalName}/ShowHomePage.do#{section}/dv/{id}";

    /// <summary>Adds a record directly (seed data and tests): fills id, timestamps and the fields Zoho always sends.</summary>
    public JsonObject AddRecord(string module, JsonObject record, DateTimeOffset? createdAt = null)
    {
        var id = record["id"]?.GetValue<string>() ?? NewId();
        var created = Format(createdAt ?? Now);
        record["id"] = id;
        record["createdTime"] ??= created;
        record["modifiedTime"] ??= record["createdTime"]!.GetValue<string>();
        record["cf"] ??= new JsonObject();
        record["customFields"] ??= new JsonObject();
        if (module == "tickets")
        {
            record["ticketNumber"] ??= NextTicketNumber();
            record["isTrashed"] ??= false;
            if (!record.ContainsKey("webUrl"))
            {
                record["webUrl"] = null; // filled in on every read, as Zoho always sends a ticket's web URL
            }
        }

        Records[module][id] = record;
        return record;
    }
}
