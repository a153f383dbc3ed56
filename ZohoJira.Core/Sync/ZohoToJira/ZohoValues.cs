using System.Text.Json;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>Reads a Zoho record's field by API name, custom fields (<c>cf_*</c>, which Zoho nests under <c>cf</c>)
/// included.</summary>
public static class ZohoValues
{
    /// <summary>The value as text (numbers and booleans rendered invariantly); null when absent, null or blank.</summary>
    public static string? Text(ZohoRecord record, string apiName) =>
        record.TryGetField(apiName, out var value) ? Text(value) : null;

    /// <summary>A JSON value as text; arrays are joined with <c>;</c> (how Zoho writes multi-select values); null when
    /// null or blank.</summary>
    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(Text).Where(t => t is not null)),
            _ => value.GetRawText(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
