using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>The Jira side of a Jira → Zoho field sync: the issue's field values, the edit screen's metadata (types), and
/// when the issue last changed.</summary>
public sealed record JiraSide(JsonObject Fields, IReadOnlyDictionary<string, JiraFieldMeta> Meta, DateTimeOffset? UpdatedAt);

/// <summary>The Zoho side: the record, the module's fields by API name (types and picklist values) and the agents by
/// e-mail address (for user fields).</summary>
public sealed record ZohoSide(ZohoRecord Record, IReadOnlyDictionary<string, ZohoField> Fields, IReadOnlyDictionary<string, ZohoAgent> AgentsByEmail);

/// <summary>Plans the Zoho side of a Jira → Zoho field sync; the mirror of <see cref="JiraFieldPlanner"/>. Pure.
/// <list type="bullet">
/// <item>Only mappings that write Zoho under the item's mode (two-way: all; custom: Jira-owned and shared ones; one-way:
/// none).</item>
/// <item>A field Jira has not changed since the last sync (the link's ledger) is left alone: that is how a value the
/// connector wrote to Jira never comes back. When both sides changed it, <see cref="FieldConflictRule"/> decides and the
/// conflict is part of the plan.</item>
/// <item>Conversions back: rich text (ADF) → Zoho HTML for text areas, → plain text for text fields; options, priorities
/// and other choices → their name, through the value map read backwards, checked against the Zoho picklist; users → the
/// Zoho agent with the same e-mail (lookup fields get the agent's id, text fields the address); labels and multi-selects
/// → <c>;</c>-separated values; dates, date-times and numbers in Zoho's formats.</item>
/// <item>A blank Jira value clears an optional Zoho field and is skipped for a mandatory one; a value Zoho already holds
/// is not sent again.</item>
/// </list></summary>
public static class ZohoFieldPlanner
{
    private static readonly AdfToHtmlConverter Html = new();

    private static readonly HtmlToAdfConverter Adf = new();

    public static ZohoFieldPlan Plan(SmartItemModel item, JiraSide jira, ZohoSide zoho, LinkBaselines baselines)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(jira);
        ArgumentNullException.ThrowIfNull(zoho);
        ArgumentNullException.ThrowIfNull(baselines);
        var writes = new List<PlannedZohoWrite>();
        var unchanged = new List<string>();
        var skips = new List<PlannedFieldSkip>();
        var conflicts = new List<FieldConflict>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in item.Mappings)
        {
            if (!mapping.WritesZoho(item.Mode))
            {
                continue;
            }

            void Skip(string reason) => skips.Add(new PlannedFieldSkip(mapping.JiraFieldId, mapping.ZohoField, reason));

            if (!planned.Add(mapping.ZohoField))
            {
                Skip("Another mapping already writes this Zoho field.");
                continue;
            }

            if (!zoho.Fields.TryGetValue(mapping.ZohoField, out var zohoField))
            {
                Skip($"The Zoho module has no field '{mapping.ZohoFieldLabel ?? mapping.ZohoField}'.");
                continue;
            }

            var meta = jira.Meta.GetValueOrDefault(mapping.JiraFieldId) ?? FallbackMeta(mapping.JiraFieldId);
            if (!jira.Meta.ContainsKey(mapping.JiraFieldId) && !jira.Fields.ContainsKey(mapping.JiraFieldId))
            {
                Skip($"The Jira field '{mapping.JiraFieldName ?? mapping.JiraFieldId}' is not on the issue's screen.");
                continue;
            }

            var jiraValue = jira.Fields[mapping.JiraFieldId];
            var converted = Convert(jiraValue, mapping, zohoField, zoho.AgentsByEmail);
            zoho.Record.TryGetField(mapping.ZohoField, out var current);
            if (converted.Error is null && Same(converted.Value, current, zohoField))
            {
                unchanged.Add(mapping.ZohoField);
                continue;
            }

            var jiraChanged = !baselines.TryGet(LinkFieldWrite.JiraSide, mapping.JiraFieldId, out var jiraBase)
                || !JiraFieldPlanner.Same(jiraBase, jiraValue, meta);
            var zohoChanged = baselines.TryGet(LinkFieldWrite.ZohoSide, mapping.ZohoField, out var zohoBase)
                && !Same(zohoBase, current, zohoField);
            var decision = FieldConflictRule.Decide(FieldConflictRule.Owner(mapping, item.Mode), SyncSide.Jira, jiraChanged, zohoChanged,
                jira.UpdatedAt, zoho.Record.ModifiedTime);
            if (decision.IsConflict)
            {
                conflicts.Add(new FieldConflict(mapping.JiraFieldId, mapping.ZohoField, Readable(jiraValue), ZohoValues.Text(current),
                    decision.Writes ? SyncSide.Jira : SyncSide.Zoho, decision.Reason));
            }

            if (!decision.Writes)
            {
                unchanged.Add(mapping.ZohoField);
                continue;
            }

            if (converted.Error is not null)
            {
                Skip(converted.Error);
                continue;
            }

            if (converted.Value is null && zohoField.IsMandatory)
            {
                Skip($"The Jira value is blank and Zoho requires '{zohoField.DisplayLabel}'; the Zoho value is kept.");
                continue;
            }

            writes.Add(new PlannedZohoWrite(mapping.ZohoField, mapping.JiraFieldId, converted.Value, jiraValue?.ToJsonString() ?? "null"));
        }

        return new ZohoFieldPlan(writes, unchanged, skips, conflicts);
    }

    /// <summary>The e-mail addresses of the Jira users in fields that map to Zoho, so the runner knows whether it needs the
    /// agent list.</summary>
    public static bool NeedsAgents(SmartItemModel item, JsonObject jiraFields)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(jiraFields);
        return item.Mappings.Any(m => m.WritesZoho(item.Mode) && jiraFields[m.JiraFieldId] is JsonObject o && o.ContainsKey("accountId"));
    }

    /// <summary>The Jira value converted for the Zoho field; a null value clears it.</summary>
    internal static (JsonNode? Value, string? Error) Convert(JsonNode? jiraValue, FieldMapping mapping, ZohoField field,
        IReadOnlyDictionary<string, ZohoAgent> agents)
    {
        var type = field.Type;
        if (jiraValue is JsonObject { } user && user.ContainsKey("accountId"))
        {
            var email = user["emailAddress"] is JsonValue e && e.TryGetValue<string>(out var address) && !string.IsNullOrWhiteSpace(address) ? address.Trim() : null;
            if (email is null)
            {
                return (null, $"Jira does not share the e-mail address of '{Text(user["displayName"]) ?? "the user"}', so no Zoho agent can be matched.");
            }

            email = MapBack(email, mapping.ValueMap);
            if (type == "LookUp")
            {
                return agents.TryGetValue(email, out var agent)
                    ? (JsonValue.Create(agent.Id), null)
                    : (null, $"No Zoho agent has the e-mail address '{email}'.");
            }

            return (JsonValue.Create(email), null);
        }

        if (IsBlank(jiraValue))
        {
            return (null, null);
        }

        switch (type)
        {
            case "Textarea":
                return (JsonValue.Create(jiraValue is JsonObject doc && IsDoc(doc) ? Html.Convert(doc) : PlainToHtml(Readable(jiraValue)!)), null);

            case "Picklist":
                return Pick(MapBack(Readable(jiraValue)!, mapping.ValueMap), field);

            case "Multiselect":
                var chosen = new List<string>();
                foreach (var value in Items(jiraValue).Select(v => MapBack(v, mapping.ValueMap)).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var pick = Pick(value, field);
                    if (pick.Error is not null)
                    {
                        return pick;
                    }

                    chosen.Add(pick.Value!.GetValue<string>());
                }

                return (JsonValue.Create(string.Join(';', chosen)), null);

            case "Number" or "Decimal" or "Currency" or "Percent":
                var number = MapBack(Readable(jiraValue)!, mapping.ValueMap);
                return SyncRuleEvaluator.TryNumber(number, out var n)
                    ? (JsonValue.Create(n), null)
                    : (null, $"'{number}' is not a number; '{field.DisplayLabel}' is a number field.");

            case "Date":
                var dateText = Readable(jiraValue)!;
                return TryInstant(dateText, out var date)
                    ? (JsonValue.Create(date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
                    : (null, $"'{dateText}' is not a date; '{field.DisplayLabel}' is a date field.");

            case "DateTime":
                var atText = Readable(jiraValue)!;
                return TryInstant(atText, out var at)
                    ? (JsonValue.Create(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)), null)
                    : (null, $"'{atText}' is not a date and time; '{field.DisplayLabel}' is a date-time field.");

            case "Boolean":
                var flag = MapBack(Readable(jiraValue)!, mapping.ValueMap);
                return bool.TryParse(flag, out var b)
                    ? (JsonValue.Create(b), null)
                    : (null, $"'{flag}' is not true or false; '{field.DisplayLabel}' is a check box.");

            case "LookUp":
                return (null, $"'{field.DisplayLabel}' is a Zoho lookup field; only users (by e-mail) are written to lookups.");

            default:
                var values = Items(jiraValue).Select(v => MapBack(v, mapping.ValueMap)).ToList();
                return (JsonValue.Create(jiraValue is JsonArray ? string.Join(';', values) : values.FirstOrDefault()), null);
        }
    }

    /// <summary>True when Zoho's value is what the plan would write (so nothing is sent), or what the ledger holds.</summary>
    internal static bool Same(JsonNode? planned, JsonElement current, ZohoField field)
    {
        var currentText = current.ValueKind == JsonValueKind.Undefined ? null : ZohoValues.Text(current);
        var plannedText = planned switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
            JsonValue v => v.ToJsonString(),
            _ => planned.ToJsonString(),
        };
        if (plannedText is null || currentText is null)
        {
            return plannedText is null && currentText is null;
        }

        switch (field.Type)
        {
            case "Textarea":
                return string.Equals(plannedText, currentText, StringComparison.Ordinal)
                    || JsonNode.DeepEquals(Adf.Convert(plannedText), Adf.Convert(currentText));
            case "Number" or "Decimal" or "Currency" or "Percent":
                return SyncRuleEvaluator.TryNumber(plannedText, out var a) && SyncRuleEvaluator.TryNumber(currentText, out var b) && a == b;
            case "Date":
                return plannedText.Length >= 10 && currentText.Length >= 10 && string.Equals(plannedText[..10], currentText[..10], StringComparison.Ordinal);
            case "DateTime":
                return TryInstant(plannedText, out var x) && TryInstant(currentText, out var y) && x == y;
            case "Multiselect":
                return Split(plannedText).SequenceEqual(Split(currentText), StringComparer.Ordinal);
            default:
                return string.Equals(plannedText.Trim(), currentText.Trim(), StringComparison.Ordinal);
        }
    }

    /// <summary>A Jira value as people read it (and as value maps name it): text, an option's or user's name, a number.</summary>
    internal static string? Readable(JsonNode? node) => node switch
    {
        null => null,
        JsonObject doc when IsDoc(doc) => AdfText.ToPlainText(doc).Trim() is { Length: > 0 } t ? t : null,
        JsonObject obj => Text(obj["value"]) ?? Text(obj["name"]) ?? Text(obj["displayName"]) ?? Text(obj["emailAddress"]) ?? Text(obj["id"]),
        JsonArray array => string.Join(';', Items(array)),
        JsonValue value => Text(value),
        _ => null,
    };

    private static List<string> Items(JsonNode? node) => node is JsonArray array
        ? array.Select(Readable).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList()
        : Readable(node) is { } one ? [one] : [];

    private static (JsonNode? Value, string? Error) Pick(string value, ZohoField field)
    {
        if (field.AllowedValues.Count == 0)
        {
            return (JsonValue.Create(value), null);
        }

        var match = field.AllowedValues.FirstOrDefault(v => string.Equals(v.Value.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null
            ? (null, $"'{value}' is not a value of the Zoho picklist '{field.DisplayLabel}' (add it to the value map).")
            : (JsonValue.Create(match.Value), null);
    }

    /// <summary>The value map read backwards: the Zoho value whose Jira value is this one; the value itself otherwise.</summary>
    internal static string MapBack(string value, IReadOnlyList<ValueMapEntry> map)
    {
        var entry = map.FirstOrDefault(e => string.Equals(e.JiraValue.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
        return entry is null ? value : entry.ZohoValue;
    }

    private static JiraFieldMeta FallbackMeta(string fieldId) => new(fieldId, fieldId, false, false, null, [], []);

    private static bool IsDoc(JsonObject node) => node["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "doc";

    private static bool IsBlank(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject doc when IsDoc(doc) => string.IsNullOrWhiteSpace(AdfText.ToPlainText(doc)),
        JsonValue value when value.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static IEnumerable<string> Split(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

    private static bool TryInstant(string text, out DateTimeOffset at)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return SyncRuleEvaluator.TryInstant(text, out at);
    }

    private static string PlainToHtml(string text) =>
        string.Join("<br>", WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
}
