using System.Text.Json;

namespace ZohoJira.Tests.Web.Sandbox.ZohoDesk;

/// <summary>Zoho's own OpenAPI files (zoho/zohodesk-oas), as the committed extract VendorFacts/zoho-desk-oas.json keeps
/// them (every file's paths and parameter names, the bodies the tests validate; see build/vendor-facts.sh), read with
/// System.Text.Json: operations by method and path, their parameters with cross-file $refs resolved, and a small schema
/// walker for responses.</summary>
internal sealed class ZohoOpenApiDocuments
{
    private readonly Dictionary<string, JsonElement> _files = new(StringComparer.Ordinal);

    private ZohoOpenApiDocuments(string extract)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(extract));
        foreach (var file in document.RootElement.GetProperty("files").EnumerateObject())
        {
            _files[file.Name] = file.Value.Clone();
        }
    }

    /// <summary>(METHOD, path) → (file, operation).</summary>
    public Dictionary<(string Method, string Path), (string File, JsonElement Operation)> Operations { get; } = [];

    public static ZohoOpenApiDocuments Load()
    {
        var documents = new ZohoOpenApiDocuments(Path.Combine(AppContext.BaseDirectory, "VendorFacts", "zoho-desk-oas.json"));
        foreach (var (file, root) in documents._files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!root.TryGetProperty("paths", out var paths))
            {
                continue;
            }

            foreach (var path in paths.EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (operation.Name is "get" or "post" or "put" or "patch" or "delete")
                    {
                        documents.Operations[(operation.Name.ToUpperInvariant(), path.Name)] = (file, operation.Value);
                    }
                }
            }
        }

        return documents;
    }

    /// <summary>The OAuth scopes Zoho lists for the operation (its <c>security</c>), none when it lists none.</summary>
    public IEnumerable<string> Scopes(JsonElement operation)
    {
        if (!operation.TryGetProperty("security", out var security))
        {
            yield break;
        }

        foreach (var requirement in security.EnumerateArray())
        {
            foreach (var scheme in requirement.EnumerateObject())
            {
                foreach (var scope in scheme.Value.EnumerateArray())
                {
                    yield return scope.GetString()!;
                }
            }
        }
    }

    /// <summary>Every scope any operation lists.</summary>
    public IEnumerable<string> AllScopes() => Operations.Values.SelectMany(o => Scopes(o.Operation)).Distinct(StringComparer.Ordinal);

    /// <summary>The operation's parameters as (in, name), $refs resolved.</summary>
    public IReadOnlyList<(string In, string Name)> Parameters(string file, JsonElement operation)
    {
        var result = new List<(string, string)>();
        if (!operation.TryGetProperty("parameters", out var parameters))
        {
            return result;
        }

        foreach (var parameter in parameters.EnumerateArray())
        {
            var (resolved, _) = Resolve(parameter, file);
            result.Add((resolved.GetProperty("in").GetString()!, resolved.GetProperty("name").GetString()!));
        }

        return result;
    }

    /// <summary>The JSON schema of a response status, with the file it lives in.</summary>
    public (JsonElement Schema, string File)? ResponseSchema(string file, JsonElement operation, string status)
    {
        if (!operation.GetProperty("responses").TryGetProperty(status, out var response))
        {
            return null;
        }

        var (resolved, responseFile) = Resolve(response, file);
        return resolved.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var schema)
            ? (schema, responseFile)
            : null;
    }

    /// <summary>Checks a JSON value against a schema: types (with null), required and documented properties
    /// (additionalProperties: false counts the properties of every allOf/oneOf/anyOf branch), items, oneOf/anyOf.</summary>
    public void Validate(JsonElement value, JsonElement schema, string file, string at, List<string> errors, int depth = 0)
    {
        (schema, file) = Resolve(schema, file);
        if (depth > 40)
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                ValidateWithoutClosedCheck(value, part, file, at, errors, depth + 1);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches))
            {
                List<string>? best = null;
                foreach (var branch in branches.EnumerateArray())
                {
                    var branchErrors = new List<string>();
                    Validate(value, branch, file, at, branchErrors, depth + 1);
                    if (best is null || branchErrors.Count < best.Count)
                    {
                        best = branchErrors;
                    }
                }

                if (best is { Count: > 0 })
                {
                    errors.Add($"{at}: matches no {keyword} branch; closest: {best[0]}");
                }
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            errors.Add($"{at}: is {value.ValueKind}, documented as {type.GetRawText()}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{at}: required property '{name}' is missing");
                    }
                }
            }

            var documented = DocumentedProperties(schema, file, 0);
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(property.Name, out var propertySchema))
                    {
                        Validate(property.Value, propertySchema, file, $"{at}.{property.Name}", errors, depth + 1);
                    }
                }
            }

            // Custom fields (cf, customFields) are defined by each organization: Zoho's files cannot list them.
            var isCustomFields = at.EndsWith(".cf", StringComparison.Ordinal) || at.EndsWith(".customFields", StringComparison.Ordinal);
            if (!isCustomFields && schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                foreach (var property in value.EnumerateObject().Where(p => !documented.Contains(p.Name)))
                {
                    errors.Add($"{at}: property '{property.Name}' is not in Zoho's schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(item, items, file, $"{at}[{index++}]", errors, depth + 1);
            }
        }
    }

    private void ValidateWithoutClosedCheck(JsonElement value, JsonElement schema, string file, string at, List<string> errors, int depth)
    {
        // An allOf part is checked for its own properties and types; whether a property is documented at all is decided
        // by the enclosing schema, which sees the properties of every part.
        var partErrors = new List<string>();
        Validate(value, schema, file, at, partErrors, depth);
        errors.AddRange(partErrors.Where(e => !e.Contains("is not in Zoho's schema", StringComparison.Ordinal)));
    }

    private HashSet<string> DocumentedProperties(JsonElement schema, string file, int depth)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        (schema, file) = Resolve(schema, file);
        if (depth > 10)
        {
            return names;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches))
            {
                foreach (var branch in branches.EnumerateArray())
                {
                    names.UnionWith(DocumentedProperties(branch, file, depth + 1));
                }
            }
        }

        return names;
    }

    private static bool TypeMatches(JsonElement value, JsonElement type)
    {
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return value.ValueKind switch
        {
            JsonValueKind.Null => types.Contains("null"),
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            JsonValueKind.Object => types.Contains("object"),
            JsonValueKind.Array => types.Contains("array"),
            JsonValueKind.Number => types.Contains("number") || (types.Contains("integer") && value.TryGetInt64(out _)),
            _ => false,
        };
    }

    /// <summary>Follows $ref (same file "#/..." or another file "./Common.json#/...").</summary>
    public (JsonElement Element, string File) Resolve(JsonElement element, string file)
    {
        var guard = 0;
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference) && guard++ < 20)
        {
            var text = reference.GetString()!;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var target = hash > 0 ? Path.GetFileName(text[..hash]) : file;
            var node = _files[target];
            foreach (var segment in text[(hash + 1)..].Trim('/').Split('/'))
            {
                node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            element = node;
            file = target;
        }

        return (element, file);
    }
}
