using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Simulated layouts: one standard layout per module and department (<c>GET /layouts?module=&amp;departmentId=</c>),
/// and a layout with its sections and fields, picklists with their values (<c>GET /layouts/{layoutId}</c>). A layout's id
/// is its department's id followed by the module's two-digit position, so nothing extra is stored.</summary>
internal static class ZohoSandboxLayoutEndpoints
{
    private static readonly string[] LayoutModules = ["tickets", "contacts", "accounts", "tasks", "calls", "events", "timeEntry", "products", "contracts"];

    private static readonly Dictionary<string, string> ModuleLabel = new(StringComparer.Ordinal)
    {
        ["tickets"] = "Cases",
        ["contacts"] = "Contacts",
        ["accounts"] = "Accounts",
        ["tasks"] = "Tasks",
        ["calls"] = "Calls",
        ["events"] = "Events",
        ["timeEntry"] = "TimeEntry",
        ["products"] = "Products",
        ["contracts"] = "Contracts",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/layouts", (HttpRequest request, ZohoSandboxState state) =>
        {
            var module = request.Query["module"].ToString();
            if (Array.IndexOf(LayoutModules, module) < 0)
            {
                return ZohoSandboxResults.Invalid("module", "invalid", "module must be one of tickets, contacts, accounts, calls, events, tasks, timeEntry, products, contracts.");
            }

            var departmentId = request.Query["departmentId"].ToString();
            lock (state.Gate)
            {
                var departments = state.Departments.Where(d => departmentId.Length == 0 || Id(d) == departmentId).ToList();
                if (departments.Count == 0)
                {
                    return ZohoSandboxResults.Invalid("departmentId", "invalid", "departmentId is not a department of this organization.");
                }

                return ZohoSandboxResults.List(departments.Select(d => Layout(module, d, state)));
            }
        }).WithMetadata(new ZohoSandboxQueryParameters("module", "departmentId"));

        api.MapGet("/layouts/{layoutId}", (string layoutId, ZohoSandboxState state) =>
        {
            lock (state.Gate)
            {
                if (Find(layoutId, state) is not var (module, department))
                {
                    return ZohoSandboxResults.Invalid("layoutId", "invalid", "layoutId is not a layout of this organization.");
                }

                var layout = Layout(module, department, state);
                layout.Remove("layoutProfiles");
                layout["sections"] = new JsonArray(new JsonObject
                {
                    ["name"] = $"{ModuleLabel[module]} Information",
                    ["isCustomSection"] = false,
                    ["id"] = 1,
                    ["fields"] = new JsonArray([.. (ZohoSandboxFields.Describe(module) ?? []).Select(f => (JsonNode)Field(f))]),
                });
                return ZohoSandboxResults.Json(layout);
            }
        }).WithMetadata(new ZohoSandboxQueryParameters());
    }

    private static (string Module, JsonObject Department)? Find(string layoutId, ZohoSandboxState state)
    {
        if (layoutId.Length < 3 || !int.TryParse(layoutId[^2..], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || position >= LayoutModules.Length)
        {
            return null;
        }

        var department = state.Departments.FirstOrDefault(d => Id(d) == layoutId[..^2]);
        return department is null ? null : (LayoutModules[position], department);
    }

    private static JsonObject Layout(string module, JsonObject department, ZohoSandboxState state)
    {
        var name = $"{department["name"]} {ModuleLabel[module]} Layout";
        var created = department["createdTime"]?.DeepClone();
        return new JsonObject
        {
            ["id"] = Id(department) + Array.IndexOf(LayoutModules, module).ToString("D2", CultureInfo.InvariantCulture),
            ["layoutName"] = name,
            ["layoutDisplayName"] = name,
            ["layoutDesc"] = $"Standard layout of the {department["name"]} department",
            ["module"] = ModuleLabel[module],
            ["departmentId"] = Id(department),
            ["isDefaultLayout"] = true,
            ["isStandardLayout"] = true,
            ["status"] = "active",
            ["hasLogo"] = false,
            ["photoURL"] = null,
            ["skipDeptAccessValidation"] = false,
            ["createdBy"] = state.Agents.Count > 0 ? Id(state.Agents[0]) : null,
            ["createdTime"] = created,
            ["modifiedBy"] = null,
            ["modifiedTime"] = created?.DeepClone(),
            ["layoutProfiles"] = new JsonArray(
                Profile("70812348000000001", "Administrator", "Administrator"),
                Profile("70812348000000002", "Agent", "Standard")),
        };
    }

    private static JsonObject Profile(string id, string name, string type) =>
        new() { ["profileName"] = name, ["isDefault"] = true, ["id"] = id, ["type"] = type };

    /// <summary>A field of the layout: the organization field's common properties and, for picklists, the values
    /// (plain strings here, also for the ticket status), the default value and the sort order.</summary>
    private static JsonObject Field(JsonObject organizationField)
    {
        var field = new JsonObject();
        foreach (var name in new[] { "id", "apiName", "displayLabel", "i18NLabel", "type", "isCustomField", "isEncryptedField", "isMandatory", "isRemovable", "isSystemMandatory", "maxLength" })
        {
            field[name] = organizationField[name]?.DeepClone();
        }

        field["name"] = organizationField["apiName"]?.DeepClone();
        field["isTrackLastActivityTime"] = false;
        if (organizationField["allowedValues"] is JsonArray values)
        {
            var strings = values.Select(v => v is JsonObject o ? o["value"]?.GetValue<string>() : v?.GetValue<string>()).OfType<string>().ToList();
            field["allowedValues"] = new JsonArray([.. strings.Select(v => (JsonNode)JsonValue.Create(v)!)]);
            field["defaultValue"] = strings.Count > 0 ? strings[0] : null;
            field["sortBy"] = "userDefined";
        }

        return field;
    }

    private static string Id(JsonObject item) => item["id"]!.GetValue<string>();
}
