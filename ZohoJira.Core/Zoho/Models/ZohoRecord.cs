using System.Globalization;
using System.Text.Json;

namespace ZohoJira.Core.Zoho.Models;

/// <summary>One Zoho Desk record as Zoho sent it: its id, module and every field by API name (values stay JSON, since
/// custom fields and vendor vocabularies vary per organization).</summary>
public sealed class ZohoRecord(string id, ZohoModule module, IReadOnlyDictionary<string, JsonElement> fields)
{
    public string Id { get; } = id;

    public ZohoModule Module { get; } = module;

    public IReadOnlyDictionary<string, JsonElement> Fields { get; } = fields;

    public DateTimeOffset? CreatedTime => GetTime("createdTime");

    public DateTimeOffset? ModifiedTime => GetTime("modifiedTime");

    public string? WebUrl => GetString("webUrl");

    /// <summary>A human title: the subject, name or number of the record.</summary>
    public string Title =>
        Module == ZohoModule.Contacts
            ? string.Join(' ', new[] { GetString("firstName"), GetString("lastName") }.Where(s => !string.IsNullOrEmpty(s)))
            : GetString(Module.TitleField) ?? Id;

    /// <summary>The field's value: a standard field at the top level, or a custom field (<c>cf_…</c>) inside Zoho's <c>cf</c>
    /// object. False when the record does not carry the field at all (as opposed to carrying it empty).</summary>
    public bool TryGetField(string apiName, out JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        if (Fields.TryGetValue(apiName, out value))
        {
            return true;
        }

        if (Fields.TryGetValue("cf", out var custom) && custom.ValueKind == JsonValueKind.Object && custom.TryGetProperty(apiName, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The field's value as text (numbers and booleans rendered invariantly), or null when absent or null. Custom
    /// fields are found inside <c>cf</c> too.</summary>
    public string? GetString(string apiName)
    {
        if (!TryGetField(apiName, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }

    public DateTimeOffset? GetTime(string apiName) =>
        GetString(apiName) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
