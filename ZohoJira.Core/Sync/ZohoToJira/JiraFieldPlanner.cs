using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>Plans the Jira side of a Zoho → Jira field sync. Pure: it takes the item's mappings, the Zoho record, the
/// issue's current field values and the Jira screen's field metadata (edit screen for updates, create screen for
/// creates), plus the Jira users already looked up by e-mail, and returns what to write and what to skip.
/// <list type="bullet">
/// <item>Only mappings that flow Zoho → Jira under the item's mode (one-way: all; two-way: all; custom: per mapping).</item>
/// <item>A field not on the screen, a Zoho field the record lacks, a value that does not convert, an option Jira does not
/// offer, an e-mail with no Jira user: skipped with the reason.</item>
/// <item>A blank Zoho value clears an optional Jira field and is skipped for a required one.</item>
/// <item>Value maps apply first (per value of a multi-select); then the value converts to the Jira field's type: text,
/// rich text (HTML → ADF), number, date, date-time, option / priority (by name or id), user (by e-mail), labels, multi
/// options.</item>
/// <item>A value Jira already holds is not sent again.</item>
/// </list></summary>
public static class JiraFieldPlanner
{
    /// <summary>Jira refuses longer summaries.</summary>
    public const int SummaryMaxLength = 255;

    private static readonly HtmlToAdfConverter Adf = new();

    public static JiraFieldPlan Plan(
        SmartItemModel item,
        ZohoRecord record,
        JsonObject currentJiraFields,
        IReadOnlyDictionary<string, JiraFieldMeta> jiraFields,
        IReadOnlyDictionary<string, JiraUser?> usersByEmail)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(currentJiraFields);
        ArgumentNullException.ThrowIfNull(jiraFields);
        ArgumentNullException.ThrowIfNull(usersByEmail);
        var writes = new List<PlannedFieldWrite>();
        var unchanged = new List<string>();
        var skips = new List<PlannedFieldSkip>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in item.Mappings)
        {
            if (!mapping.WritesJira(item.Mode))
            {
                continue;
            }

            void Skip(string reason) => skips.Add(new PlannedFieldSkip(mapping.JiraFieldId, mapping.ZohoField, reason));

            if (!planned.Add(mapping.JiraFieldId))
            {
                Skip("Another mapping already writes this Jira field.");
                continue;
            }

            if (!jiraFields.TryGetValue(mapping.JiraFieldId, out var meta))
            {
                Skip($"The Jira field '{mapping.JiraFieldName ?? mapping.JiraFieldId}' is not on the issue's screen.");
                continue;
            }

            if (!record.TryGetField(mapping.ZohoField, out var raw))
            {
                Skip($"The Zoho record has no field '{mapping.ZohoField}'.");
                continue;
            }

            var values = MappedValues(raw, mapping, meta);
            JsonNode? value;
            if (values.Count == 0)
            {
                if (meta.Required)
                {
                    Skip($"The Zoho value is blank and Jira requires '{meta.Name}'; the Jira value is kept.");
                    continue;
                }

                value = null;
            }
            else
            {
                var converted = Convert(values, meta, usersByEmail);
                if (converted.Error is not null)
                {
                    Skip(converted.Error);
                    continue;
                }

                value = converted.Value;
            }

            if (Same(value, currentJiraFields[mapping.JiraFieldId], meta))
            {
                unchanged.Add(mapping.JiraFieldId);
                continue;
            }

            writes.Add(new PlannedFieldWrite(mapping.JiraFieldId, mapping.ZohoField, IsArray(meta) && value is null ? new JsonArray() : value));
        }

        return new JiraFieldPlan(writes, unchanged, skips);
    }

    /// <summary>The e-mail addresses the plan will look for among Jira users (after value maps), so the runner can look
    /// them up before planning.</summary>
    public static IReadOnlyList<string> UserEmailsNeeded(SmartItemModel item, ZohoRecord record, IReadOnlyDictionary<string, JiraFieldMeta> jiraFields)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(jiraFields);
        var emails = new List<string>();
        foreach (var mapping in item.Mappings.Where(m => m.WritesJira(item.Mode)))
        {
            if (jiraFields.TryGetValue(mapping.JiraFieldId, out var meta) && meta.Schema?.Type == "user"
                && record.TryGetField(mapping.ZohoField, out var raw))
            {
                emails.AddRange(MappedValues(raw, mapping, meta));
            }
        }

        return emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The Zoho value as a list of texts (one for single-valued fields; each value of a multi-select for array
    /// fields), each through the mapping's value map; empty when blank.</summary>
    internal static List<string> MappedValues(JsonElement raw, FieldMapping mapping, JiraFieldMeta meta)
    {
        IEnumerable<string?> texts;
        if (!IsArray(meta))
        {
            texts = new[] { ZohoValues.Text(raw) };
        }
        else if (raw.ValueKind == JsonValueKind.Array)
        {
            texts = raw.EnumerateArray().Select(ZohoValues.Text);
        }
        else
        {
            texts = (ZohoValues.Text(raw) ?? string.Empty).Split(';', StringSplitOptions.TrimEntries);
        }

        return texts
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => MapValue(t!, mapping.ValueMap))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();
    }

    internal static string MapValue(string value, IReadOnlyList<ValueMapEntry> map)
    {
        var entry = map.FirstOrDefault(e => string.Equals(e.ZohoValue.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
        return entry is null ? value : entry.JiraValue;
    }

    private static bool IsArray(JiraFieldMeta meta) => meta.Schema?.Type == "array";

    private static bool IsRichText(JiraFieldMeta meta) =>
        meta.Schema is { Type: "string" } schema
        && (schema.System is "description" or "environment"
            || (schema.Custom?.EndsWith(":textarea", StringComparison.Ordinal) ?? false));

    private static (JsonNode? Value, string? Error) Convert(List<string> values, JiraFieldMeta meta, IReadOnlyDictionary<string, JiraUser?> users)
    {
        var text = values[0];
        var type = meta.Schema?.Type ?? "string";
        switch (type)
        {
            case "string" when IsRichText(meta):
                return (Adf.Convert(LooksLikeHtml(text) ? text : PlainToHtml(text)), null);

            case "string":
                var plain = meta.FieldId == "summary" ? OneLine(text) : text;
                return (JsonValue.Create(plain.Length > SummaryMaxLength && meta.FieldId == "summary" ? plain[..SummaryMaxLength] : plain), null);

            case "number":
                return SyncRuleEvaluator.TryNumber(text, out var number)
                    ? (JsonValue.Create(number), null)
                    : (null, $"'{text}' is not a number; '{meta.Name}' is a number field.");

            case "date":
                return TryDate(text, out var date)
                    ? (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
                    : (null, $"'{text}' is not a date; '{meta.Name}' is a date field.");

            case "datetime":
                return SyncRuleEvaluator.TryInstant(text, out var at)
                    ? (JsonValue.Create(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture)), null)
                    : (null, $"'{text}' is not a date and time; '{meta.Name}' is a date-time field.");

            case "option" or "priority" or "resolution" or "component" or "version":
                return Choice(text, meta, type);

            case "user":
                return users.TryGetValue(text.Trim(), out var user) && user is not null
                    ? (new JsonObject { ["accountId"] = user.AccountId }, null)
                    : (null, $"No active Jira user has the e-mail address '{text}'.");

            case "array" when meta.Schema?.Items == "string":
                return (new JsonArray(values.Select(Label).Distinct(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()), null);

            case "array" when meta.Schema?.Items is "option" or "component" or "version":
                var items = new JsonArray();
                foreach (var value in values.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var choice = Choice(value, meta, meta.Schema.Items);
                    if (choice.Error is not null)
                    {
                        return choice;
                    }

                    items.Add(choice.Value);
                }

                return (items, null);

            default:
                return (null, $"Jira fields of type '{type}' are not synchronized.");
        }
    }

    private static (JsonNode? Value, string? Error) Choice(string text, JiraFieldMeta meta, string type)
    {
        if (meta.AllowedValues.Count == 0)
        {
            return (type == "option" ? new JsonObject { ["value"] = text } : new JsonObject { ["name"] = text }, null);
        }

        var wanted = text.Trim();
        var match = meta.AllowedValues.FirstOrDefault(v => string.Equals(v.Label, wanted, StringComparison.OrdinalIgnoreCase))
            ?? meta.AllowedValues.FirstOrDefault(v => v.Id is not null && string.Equals(v.Id, wanted, StringComparison.Ordinal));
        if (match is null)
        {
            return (null, $"'{text}' is not a value of the Jira field '{meta.Name}' (add it to the value map).");
        }

        return match.Id is not null
            ? (new JsonObject { ["id"] = match.Id }, null)
            : (type == "option" ? new JsonObject { ["value"] = match.Label } : new JsonObject { ["name"] = match.Label }, null);
    }

    /// <summary>True when Jira's current value is what the plan would write (so nothing is sent).</summary>
    internal static bool Same(JsonNode? planned, JsonNode? current, JiraFieldMeta meta)
    {
        if (IsEmpty(planned) || IsEmpty(current))
        {
            return IsEmpty(planned) && IsEmpty(current);
        }

        switch (planned)
        {
            case JsonArray plannedItems when current is JsonArray currentItems:
                var left = plannedItems.Select(i => Key(i)).Order(StringComparer.Ordinal);
                var right = currentItems.Select(i => Key(i)).Order(StringComparer.Ordinal);
                return left.SequenceEqual(right, StringComparer.Ordinal);

            case JsonObject plannedObject when IsRichText(meta):
                return JsonNode.DeepEquals(plannedObject, current);

            case JsonObject:
                return Key(planned) == Key(current, planned);

            default:
                var plannedText = Text(planned);
                var currentText = Text(current);
                return (meta.Schema?.Type) switch
                {
                    "number" => SyncRuleEvaluator.TryNumber(plannedText, out var a) && SyncRuleEvaluator.TryNumber(currentText, out var b) && a == b,
                    "date" => currentText.Length >= 10 && string.Equals(plannedText, currentText[..10], StringComparison.Ordinal),
                    "datetime" => SyncRuleEvaluator.TryInstant(plannedText, out var x) && SyncRuleEvaluator.TryInstant(currentText, out var y) && x == y,
                    _ => string.Equals(plannedText, currentText, StringComparison.Ordinal),
                };
        }
    }

    /// <summary>How a choice or a user is identified: by id when the written value has one, else by the property it names.</summary>
    private static string Key(JsonNode? node, JsonNode? shape = null)
    {
        if (node is not JsonObject obj)
        {
            return Text(node);
        }

        var by = shape as JsonObject ?? obj;
        foreach (var property in new[] { "accountId", "id", "value", "name" })
        {
            if (by.ContainsKey(property))
            {
                return property + ":" + Text(obj[property]);
            }
        }

        return obj.ToJsonString();
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj when obj["type"]?.GetValue<string>() == "doc" => obj["content"] is not JsonArray { Count: > 0 },
        JsonValue value when value.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (SyncRuleEvaluator.TryInstant(text, out var at))
        {
            date = DateOnly.FromDateTime(at.UtcDateTime);
            return true;
        }

        return false;
    }

    /// <summary>Jira labels cannot hold spaces.</summary>
    private static string Label(string value) => string.Join('_', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool LooksLikeHtml(string text) => text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);

    private static string PlainToHtml(string text) =>
        string.Join("<br>", WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
}
