using System.Text.Json;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>A small JSON-schema checker over System.Text.Json for OpenAPI 3.0 schemas: <c>$ref</c> (to
/// <c>#/components/...</c>), <c>type</c> (with <c>nullable</c>), <c>properties</c>, <c>required</c>, <c>items</c>,
/// <c>enum</c>, <c>additionalProperties</c> (false or a schema), <c>allOf</c>, <c>anyOf</c> and <c>oneOf</c>. Requests skip
/// read-only members in <c>required</c>, responses skip write-only ones. Formats and string patterns are not checked.</summary>
public sealed class OpenApiSchemaWalker(JsonElement document)
{
    public enum Direction
    {
        Request,
        Response,
    }

    /// <summary>Every difference between <paramref name="instance"/> and <paramref name="schema"/>, as JSON paths with reasons.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, JsonElement schema, Direction direction)
    {
        var errors = new List<string>();
        Walk(instance, schema, "$", direction, errors, 0);
        return errors;
    }

    public JsonElement Resolve(JsonElement schema)
    {
        var guard = 0;
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var pointer = reference.GetString() ?? throw new InvalidOperationException("Empty $ref.");
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Only local references are supported: {pointer}");
            }

            schema = document;
            foreach (var segment in pointer[2..].Split('/'))
            {
                schema = schema.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            if (++guard > 32)
            {
                throw new InvalidOperationException($"Reference loop at {pointer}");
            }
        }

        return schema;
    }

    private void Walk(JsonElement instance, JsonElement schema, string path, Direction direction, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (instance.ValueKind == JsonValueKind.Null)
        {
            // OpenAPI 3.0: null only where nullable; Jira's document marks few members nullable although Jira sends null
            // for unset optional values, so null is accepted for members and flagged only where a type forbids it at the root.
            if (path == "$" && schema.TryGetProperty("type", out _) && !IsTrue(schema, "nullable"))
            {
                errors.Add($"{path}: null where the schema does not allow it");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Walk(instance, part, path, direction, errors, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(part => Matches(instance, part, direction, depth)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var count = oneOf.EnumerateArray().Count(part => Matches(instance, part, direction, depth));
            if (count != 1)
            {
                errors.Add($"{path}: matches {count} of oneOf (exactly one expected)");
            }
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(v => JsonElement.DeepEquals(v, instance)))
        {
            errors.Add($"{path}: {instance.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        if (schema.TryGetProperty("type", out var typeElement) && typeElement.GetString() is { } type && !HasType(instance, type))
        {
            errors.Add($"{path}: expected {type}, found {instance.ValueKind}");
            return;
        }

        if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Walk(item, items, $"{path}[{i++}]", direction, errors, depth + 1);
            }
        }

        if (instance.ValueKind == JsonValueKind.Object)
        {
            WalkObject(instance, schema, path, direction, errors, depth);
        }
    }

    private void WalkObject(JsonElement instance, JsonElement schema, string path, Direction direction, List<string> errors, int depth)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (instance.TryGetProperty(name, out _))
                {
                    continue;
                }

                var member = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var m) ? Resolve(m) : default;
                var skip = member.ValueKind == JsonValueKind.Object
                    && ((direction == Direction.Request && IsTrue(member, "readOnly")) || (direction == Direction.Response && IsTrue(member, "writeOnly")));
                if (!skip)
                {
                    errors.Add($"{path}: required member '{name}' is missing");
                }
            }
        }

        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var member in instance.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Walk(member.Value, memberSchema, $"{path}.{member.Name}", direction, errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: member '{member.Name}' is not in the schema (additionalProperties: false)");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Walk(member.Value, additional, $"{path}.{member.Name}", direction, errors, depth + 1);
            }
        }
    }

    private bool Matches(JsonElement instance, JsonElement schema, Direction direction, int depth)
    {
        var errors = new List<string>();
        Walk(instance, schema, "$", direction, errors, depth + 1);
        return errors.Count == 0;
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _),
        _ => true,
    };

    private static bool IsTrue(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
