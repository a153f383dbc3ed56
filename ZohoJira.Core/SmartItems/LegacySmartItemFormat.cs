using System.Text.Json;

namespace ZohoJira.Core.SmartItems;

/// <summary>Reads schema version 0, the "legacy" format of the original connector: no issue type, one flat field list
/// (a Zoho field, with the Jira field it fed when the item synchronized), and the original mode names ("display only",
/// "one-way", "two-way"). Shape:
/// <code>{ "schemaVersion": 0, "items": [ { "name", "mode", "jiraProject", "zohoModule",
///   "fields": [ { "zohoField": "subject", "jiraField": "summary" }, { "zohoField": "status" } ],
///   "autoCreate", "statusSync", "commentSync", "attachmentSync" } ] }</code>
/// A single item object or a bare array of items is read the same way.</summary>
internal static class LegacySmartItemFormat
{
    public static IReadOnlyList<ParsedImportItem> Read(JsonElement root)
    {
        IEnumerable<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray(),
            JsonValueKind.Object => [root],
            _ => throw new SmartItemImportException("The file holds no Smart Connected Items."),
        };
        return items.Select(Migrate).ToList();
    }

    private static ParsedImportItem Migrate(JsonElement item, int index)
    {
        var original = item.GetRawText();
        var name = Text(item, "name") ?? $"Item {index + 1}";
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new ParsedImportItem { DisplayName = name, IsLegacy = true, LegacyJson = original, Error = $"Item {index + 1} is not an object." };
        }

        var modeText = Text(item, "mode");
        SyncMode? mode = Normalize(modeText) switch
        {
            "displayonly" or "display" => SyncMode.DisplayOnly,
            "oneway" => SyncMode.OneWay,
            "twoway" => SyncMode.TwoWay,
            _ => null,
        };
        if (mode is null)
        {
            return new ParsedImportItem
            {
                DisplayName = name,
                IsLegacy = true,
                LegacyJson = original,
                Error = $"'{name}': unknown mode '{modeText}' (expected display only, one-way or two-way).",
            };
        }

        var displayFields = new List<string>();
        var mappings = new List<FieldMapping>();
        if (item.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in fields.EnumerateArray())
            {
                var zohoField = field.ValueKind == JsonValueKind.String ? field.GetString() : Text(field, "zohoField");
                var jiraField = field.ValueKind == JsonValueKind.Object ? Text(field, "jiraField") : null;
                if (string.IsNullOrWhiteSpace(zohoField))
                {
                    continue;
                }

                if (mode == SyncMode.DisplayOnly || string.IsNullOrWhiteSpace(jiraField))
                {
                    displayFields.Add(zohoField);
                }
                else
                {
                    mappings.Add(new FieldMapping { ZohoField = zohoField, JiraFieldId = jiraField });
                }
            }
        }

        var notes = new List<string> { "Migrated from the legacy format: no issue type, so it applies to every issue type of the project." };
        var synchronized = mode != SyncMode.DisplayOnly;
        var autoCreate = Flag(item, "autoCreate");
        if (autoCreate)
        {
            notes.Add("Auto-create was on: it stays off until turned on again in the wizard, which records from when new records count.");
        }

        var definition = new SmartItemModel
        {
            Name = name,
            Mode = mode.Value,
            JiraProjectKey = Text(item, "jiraProject") ?? Text(item, "jiraProjectKey") ?? string.Empty,
            ZohoModule = Text(item, "zohoModule") ?? string.Empty,
            DisplayFields = displayFields,
            Mappings = mappings,
            Options = new SyncOptions
            {
                Status = synchronized && Flag(item, "statusSync"),
                Comments = synchronized && Flag(item, "commentSync"),
                Attachments = synchronized && Flag(item, "attachmentSync"),
            },
        };
        return new ParsedImportItem
        {
            DisplayName = name,
            Definition = definition,
            IsLegacy = true,
            LegacyJson = original,
            Notes = notes,
        };
    }

    private static string Normalize(string? mode) =>
        new((mode ?? string.Empty).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()?.Trim()
            : null;

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
