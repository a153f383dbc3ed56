using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Field metadata of the simulated organization (<c>GET /organizationFields?module=</c>).</summary>
internal static class ZohoSandboxFields
{
    private static readonly Dictionary<string, (string ApiName, string Label, string Type, bool Custom, bool Mandatory, string[]? Values)[]> Fields =
        new(StringComparer.Ordinal)
        {
            ["tickets"] =
            [
                ("subject", "Subject", "Text", false, true, null), ("description", "Description", "Textarea", false, false, null),
                ("status", "Status", "Picklist", false, true, null), ("priority", "Priority", "Picklist", false, false, ZohoSandboxSeed.Priorities),
                ("channel", "Channel", "Picklist", false, false, ZohoSandboxSeed.Channels),
                ("classification", "Classification", "Picklist", false, false, ["Problem", "Request", "Question", "Others"]),
                ("category", "Category", "Picklist", false, false, ["General", "Hardware", "Billing"]),
                ("dueDate", "Due Date", "DateTime", false, false, null), ("email", "Email", "Email", false, false, null),
                ("phone", "Phone", "Phone", false, false, null), ("departmentId", "Department", "LookUp", false, true, null),
                ("contactId", "Contact Name", "LookUp", false, true, null), ("assigneeId", "Ticket Owner", "LookUp", false, false, null),
                ("productId", "Product Name", "LookUp", false, false, null),
                ("cf_severity", "Severity", "Picklist", true, false, ["S1", "S2", "S3"]), ("cf_jira_key", "Jira Key", "Text", true, false, null),
            ],
            ["contacts"] =
            [
                ("firstName", "First Name", "Text", false, false, null), ("lastName", "Last Name", "Text", false, true, null),
                ("email", "Email", "Email", false, false, null), ("phone", "Phone", "Phone", false, false, null),
                ("title", "Title", "Text", false, false, null), ("accountId", "Account Name", "LookUp", false, false, null),
                ("description", "Description", "Textarea", false, false, null),
            ],
            ["accounts"] =
            [
                ("accountName", "Account Name", "Text", false, true, null), ("email", "Email", "Email", false, false, null),
                ("phone", "Phone", "Phone", false, false, null), ("website", "Website", "URL", false, false, null),
                ("industry", "Industry", "Picklist", false, false, ["Software", "Retail", "Manufacturing", "Healthcare"]),
                ("description", "Description", "Textarea", false, false, null),
            ],
            ["tasks"] = Activity("Category", ["Follow-up", "Shipment"]),
            ["calls"] = Activity("Direction", ["inbound", "outbound"]),
            ["events"] = Activity("Category", ["Meeting", "Demo"]),
            ["products"] =
            [
                ("productName", "Product Name", "Text", false, true, null), ("productCode", "Product Code", "Text", false, false, null),
                ("unitPrice", "Unit Price", "Currency", false, false, null),
                ("productCategory", "Product Category", "Picklist", false, false, ["Hardware", "Service"]),
                ("description", "Description", "Textarea", false, false, null),
            ],
            ["contracts"] =
            [
                ("contractName", "Contract Name", "Text", false, true, null), ("accountId", "Account Name", "LookUp", false, true, null),
                ("startDate", "Start Date", "Date", false, true, null), ("endDate", "End Date", "Date", false, true, null),
                ("description", "Description", "Textarea", false, false, null),
            ],
            ["timeEntry"] =
            [
                ("executedTime", "Executed Time", "DateTime", false, true, null), ("hoursSpent", "Hours", "Number", false, false, null),
                ("minutesSpent", "Minutes", "Number", false, false, null), ("isBillable", "Billable", "Boolean", false, false, null),
                ("description", "Description", "Textarea", false, false, null),
            ],
        };

    public static IResult For(string module) => Describe(module) is { } fields
        ? ZohoSandboxResults.List(fields)
        : ZohoSandboxResults.Invalid("module", "invalid", "module is not one of the supported modules.");

    /// <summary>The module's fields in the <c>organizationFields</c> shape; null for a module the organization lacks.</summary>
    public static List<JsonObject>? Describe(string module)
    {
        if (!Fields.TryGetValue(module, out var fields))
        {
            return null;
        }

        var index = 0;
        return [.. fields.Select(f =>
        {
            var field = new JsonObject
            {
                ["id"] = (70812349000000000L + (module.GetHashCode(StringComparison.Ordinal) & 0xFFFF) * 100 + index++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["apiName"] = f.ApiName,
                ["displayLabel"] = f.Label,
                ["i18NLabel"] = f.Label,
                ["type"] = f.Type,
                ["isCustomField"] = f.Custom,
                ["isMandatory"] = f.Mandatory,
                ["isEncryptedField"] = false,
                ["isRemovable"] = f.Custom,
                ["isSystemMandatory"] = f.Mandatory && !f.Custom,
                ["showToHelpCenter"] = false,
                ["isNested"] = false,
                ["maxLength"] = f.Type == "Textarea" ? 65535 : 255,
                ["toolTip"] = "",
                ["toolTipType"] = "placeHolder",
                ["displayType"] = "None",
                ["defaultValue"] = null,
                ["sortBy"] = "userDefined",
            };
            if (f.ApiName == "status" && module == "tickets")
            {
                field["allowedValues"] = new JsonArray([.. ZohoSandboxSeed.Statuses.Select(s => (JsonNode)new JsonObject
                {
                    ["value"] = s, ["statusType"] = ZohoSandboxSeed.StatusTypes[s],
                })]);
            }
            else if (f.Values is not null)
            {
                field["allowedValues"] = new JsonArray([.. f.Values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
            }

            return field;
        })];
    }

    private static (string, string, string, bool, bool, string[]?)[] Activity(string label, string[] values) =>
    [
        ("subject", "Subject", "Text", false, true, null), ("status", "Status", "Picklist", false, true, ["Not Started", "In Progress", "Completed"]),
        ("priority", "Priority", "Picklist", false, false, ZohoSandboxSeed.Priorities), ("dueDate", "Due Date", "DateTime", false, false, null),
        (label == "Direction" ? "direction" : "category", label, "Picklist", false, false, values),
        ("description", "Description", "Textarea", false, false, null),
    ];
}
