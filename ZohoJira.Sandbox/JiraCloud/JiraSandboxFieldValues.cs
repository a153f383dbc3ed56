using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Checks a value sent for a field the way Jira v3 does (rich text must be ADF, options must exist, ...) and turns
/// it into the stored shape. Errors use Jira's wording and are keyed by field id.</summary>
internal static class JiraSandboxFieldValues
{
    public static string NotOnScreen(string fieldId) =>
        $"Field '{fieldId}' cannot be set. It is not on the appropriate screen, or unknown.";

    public static string Required(SimField field) =>
        field.Id == "summary" ? "You must specify a summary of the issue." : $"{field.Name} is required.";

    /// <summary>The stored value, or an error message.</summary>
    public static (JsonNode? Value, string? Error) Normalize(SimField field, JsonNode? value, JiraSandboxState state)
    {
        if (value is null)
        {
            return field.Id == "summary" ? (null, Required(field)) : (null, null);
        }

        if (field.IsRichText)
        {
            var problem = SimAdf.Validate(value);
            return problem is null ? (value.DeepClone(), null) : (null, problem);
        }

        switch (field.SchemaType)
        {
            case "string":
                if (!IsString(value, out var text))
                {
                    return (null, "Operation value must be a string");
                }

                if (field.Id == "summary")
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return (null, Required(field));
                    }

                    if (text.Length > 255)
                    {
                        return (null, "Summary must be less than 255 characters.");
                    }
                }

                return text.Length > SimAdf.MaxTextLength
                    ? (null, "The entered text is too long. It exceeds the allowed limit of 32,767 characters.")
                    : (JsonValue.Create(text), null);

            case "option":
                return Pick(field, value, "value", $"Specify a valid 'id' or 'value' for {field.Name}");

            case "priority" or "resolution":
                return Pick(field, value, "name", $"Specify a valid 'id' or 'name' for {field.Name}");

            case "array" when field.SchemaItems == "string":
                if (value is not JsonArray labels || labels.Any(l => !IsString(l, out _)))
                {
                    return (null, "Operation value must be an array of strings");
                }

                var bad = labels.Select(l => l!.GetValue<string>()).FirstOrDefault(l => l.Contains(' ', StringComparison.Ordinal));
                return bad is null ? (labels.DeepClone(), null) : (null, $"The label '{bad}' contains spaces which is invalid.");

            case "user":
                var accountId = value["accountId"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
                return state.FindAccountById(accountId) is null
                    ? (null, $"Specify a valid value for {field.Name.ToLowerInvariant()}")
                    : (new JsonObject { ["accountId"] = accountId }, null);

            case "date":
                return IsString(value, out var date) && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (JsonValue.Create(date), null)
                    : (null, $"Error parsing date string: {value.ToJsonString()}");

            case "number":
                return value is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? (n.DeepClone(), null) : (null, "Operation value must be a number");

            default:
                return (null, NotOnScreen(field.Id));
        }
    }

    private static (JsonNode? Value, string? Error) Pick(SimField field, JsonNode value, string nameMember, string error)
    {
        if (value is not JsonObject requested)
        {
            return (null, error);
        }

        var id = Text(requested["id"]);
        var name = Text(requested[nameMember]);
        var match = field.AllowedValues.FirstOrDefault(v => (id is not null && Text(v["id"]) == id)
            || (id is null && name is not null && string.Equals(Text(v[nameMember]), name, StringComparison.OrdinalIgnoreCase)));
        return match is null ? (null, id is null ? error : $"Option id '{id}' is not valid") : (match.DeepClone(), null);
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : null;
}
