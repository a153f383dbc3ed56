using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

/// <summary>Builders for the pure planner tests: Zoho records from JSON, Jira screen fields, items.</summary>
internal static class PlannerSupport
{
    public static ZohoRecord Ticket(string json)
    {
        using var document = JsonDocument.Parse(json);
        var fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        return new ZohoRecord("101", ZohoModule.Tickets, fields);
    }

    public static JiraFieldMeta Field(string id, string type, bool required = false, string? items = null, string? system = null, string? custom = null,
        params JiraAllowedValue[] allowed) =>
        new(id, id, required, false, new JiraFieldSchema(type, items, system ?? (custom is null ? id : null), custom), ["set"], allowed);

    public static IReadOnlyDictionary<string, JiraFieldMeta> Screen(params JiraFieldMeta[] fields) =>
        fields.ToDictionary(f => f.FieldId, StringComparer.Ordinal);

    public static SmartItemModel Item(SyncMode mode, params FieldMapping[] mappings) => new()
    {
        Name = "Tickets",
        Mode = mode,
        JiraProjectKey = "SUP",
        JiraIssueTypeId = "10100",
        ZohoModule = "tickets",
        Mappings = mappings,
    };

    public static FieldMapping Map(string jira, string zoho, MappingDirection? direction = null, params ValueMapEntry[] map) =>
        new() { JiraFieldId = jira, ZohoField = zoho, Direction = direction, ValueMap = map };

    public static JsonObject Current(string json = "{}") => JsonNode.Parse(json)!.AsObject();

    public static readonly IReadOnlyDictionary<string, JiraUser?> NoUsers = new Dictionary<string, JiraUser?>();
}
