#:property PublishAot=false
// Regenerates ZohoJira.Tests/VendorFacts/*.json, the extract of the vendors' OpenAPI descriptions that the simulator
// conformance tests read, from the full documents in ../shared/reference. Run through build/vendor-facts.sh.
//
//   dotnet run build/vendor-facts.cs -- <reference folder> <output folder>
//
// What the extract keeps, in the documents' own shape (so the tests read it like the originals):
//   - every path and method, with its parameters as { name, in } ($refs resolved), the deprecated flag and the
//     documented response status codes;
//   - for the paths in BodyPaths below (the objects the tests validate), the request and response bodies in full, plus
//     every component they reach through $ref (across files for Zoho), without descriptions, examples and x- fields;
//   - for Zoho, each operation's OAuth scopes (its `security`), from which a test derives the scopes the connector asks
//     for and the simulator's scope checks are held to.
// A test that starts validating a new operation needs its path added here and the extract regenerated.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

// Marks an operation whose bodies the extract leaves out, so a test that reaches it can say so instead of passing.
const string BodiesOmitted = "x-zohojira-bodies-omitted";

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run build/vendor-facts.cs -- <reference folder> <output folder>");
    return 2;
}

var reference = args[0];
var output = args[1];
Directory.CreateDirectory(output);

string[] jiraBodyPaths =
[
    "/rest/api/3/myself",
    "/rest/api/3/project/search",
    "/rest/api/3/field",
    "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes",
    "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}",
    "/rest/api/3/issue",
    "/rest/api/3/issue/{issueIdOrKey}",
    "/rest/api/3/search/jql",
    "/rest/api/3/issue/{issueIdOrKey}/transitions",
    "/rest/api/3/issue/{issueIdOrKey}/comment",
    "/rest/api/3/issue/{issueIdOrKey}/comment/{id}",
    "/rest/api/3/issue/{issueIdOrKey}/attachments",
    "/rest/api/3/issue/{issueIdOrKey}/remotelink",
    "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}",
    "/rest/api/3/issue/{issueIdOrKey}/editmeta",
    "/rest/api/3/project/{projectIdOrKey}/statuses",
    "/rest/api/3/user/search",
];

string[] zohoBodyPaths =
[
    "/api/v1/organizations",
    "/api/v1/tickets",
    "/api/v1/tickets/{ticketId}",
    "/api/v1/tickets/search",
    "/api/v1/contacts/{contactId}",
    "/api/v1/contacts/search",
    "/api/v1/accounts/{accountId}",
    "/api/v1/tickets/{ticketId}/comments",
    "/api/v1/tickets/{ticketId}/attachments",
    "/api/v1/tickets/{ticketId}/comments/{commentId}",
    "/api/v1/contacts/{contactId}/comments",
    "/api/v1/accounts/{accountId}/attachments",
    "/api/v1/tickets/{caseId}/timeEntry",
    "/api/v1/webhooks",
    "/api/v1/organizationModules",
    "/api/v1/departments",
    "/api/v1/agents",
    "/api/v1/layouts",
    "/api/v1/layouts/{layoutId}",
];

var jira = Extract(
    new Dictionary<string, JsonObject>(StringComparer.Ordinal) { [""] = Load(Path.Combine(reference, "jira-cloud-openapi.json")) },
    jiraBodyPaths);
Write(Path.Combine(output, "jira-cloud-openapi.json"), jira[""]);

var zohoFiles = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
foreach (var file in Directory.GetFiles(Path.Combine(reference, "zoho-desk-oas"), "*.json"))
{
    zohoFiles[Path.GetFileName(file)] = Load(file);
}

var zoho = Extract(new Dictionary<string, JsonObject>(zohoFiles, StringComparer.Ordinal), zohoBodyPaths, keepSecurity: true);
var files = new JsonObject();
foreach (var (name, document) in zoho.OrderBy(f => f.Key, StringComparer.Ordinal))
{
    files[name] = document;
}

Write(Path.Combine(output, "zoho-desk-oas.json"), new JsonObject { ["files"] = files });
return 0;

static JsonObject Load(string path) =>
    JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object");

static void Write(string path, JsonNode node)
{
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    File.WriteAllText(path, node.ToJsonString(options).ReplaceLineEndings("\n") + "\n");
}

// Files are keyed by name ("" for a single document); a $ref is "#/pointer" (same file) or "./Other.json#/pointer".
static Dictionary<string, JsonObject> Extract(Dictionary<string, JsonObject> sources, string[] bodyPaths, bool keepSecurity = false)
{
    string[] methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    var bodies = bodyPaths.ToHashSet(StringComparer.Ordinal);
    var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
    var pending = new Queue<(string File, string Pointer)>();
    var copied = new HashSet<(string, string)>();

    foreach (var (file, document) in sources)
    {
        var outDocument = new JsonObject();
        foreach (var key in new[] { "openapi", "info" })
        {
            if (document[key] is { } value)
            {
                outDocument[key] = key == "info" ? new JsonObject { ["title"] = value["title"]?.DeepClone(), ["version"] = value["version"]?.DeepClone() } : value.DeepClone();
            }
        }

        if (document["paths"] is not JsonObject paths)
        {
            result[file] = outDocument;
            continue;
        }

        var outPaths = new JsonObject();
        foreach (var (path, itemNode) in paths)
        {
            var item = (JsonObject)itemNode!;
            var outItem = new JsonObject();
            if (item["parameters"] is JsonArray shared)
            {
                outItem["parameters"] = Names(shared, file);
            }

            foreach (var method in methods.Where(m => item[m] is JsonObject))
            {
                var operation = (JsonObject)item[method]!;
                var outOperation = new JsonObject();
                if (operation["deprecated"]?.GetValue<bool>() == true)
                {
                    outOperation["deprecated"] = true;
                }

                if (operation["parameters"] is JsonArray parameters)
                {
                    outOperation["parameters"] = Names(parameters, file);
                }

                if (keepSecurity && operation["security"] is JsonArray security)
                {
                    outOperation["security"] = security.DeepClone();
                }

                if (bodies.Contains(path))
                {
                    foreach (var key in new[] { "requestBody", "responses" })
                    {
                        if (operation[key] is { } body)
                        {
                            outOperation[key] = Strip(body, false);
                            Enqueue(body, file);
                        }
                    }
                }
                else if (operation["responses"] is JsonObject responses)
                {
                    outOperation["responses"] = new JsonObject(responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)new JsonObject())));
                    outOperation[BodiesOmitted] = true;
                }

                outItem[method] = outOperation;
            }

            outPaths[path] = outItem;
        }

        outDocument["paths"] = outPaths;
        result[file] = outDocument;
    }

    while (pending.TryDequeue(out var next))
    {
        if (!copied.Add(next))
        {
            continue;
        }

        var node = Find(sources[next.File], next.Pointer);
        var target = result.TryGetValue(next.File, out var existing) ? existing : result[next.File] = new JsonObject();
        Place(target, next.Pointer, Strip(node, false)!);
        Enqueue(node, next.File);
    }

    foreach (var document in result.Values)
    {
        if (document["components"] is JsonObject components)
        {
            document.Remove("components");
            var sorted = new JsonObject();
            foreach (var (kind, map) in components.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var entries = ((JsonObject)map!).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
                ((JsonObject)map!).Clear();
                sorted[kind] = new JsonObject(entries);
            }

            document["components"] = sorted;
        }
    }

    return result.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    JsonArray Names(JsonArray parameters, string file)
    {
        var names = new JsonArray();
        foreach (var parameter in parameters)
        {
            var (resolved, _) = Resolve(parameter!, file);
            names.Add((JsonNode)new JsonObject { ["name"] = resolved["name"]!.DeepClone(), ["in"] = resolved["in"]!.DeepClone() });
        }

        return names;
    }

    (JsonNode Node, string File) Resolve(JsonNode node, string file)
    {
        for (var guard = 0; node is JsonObject o && o["$ref"] is JsonValue reference && guard < 20; guard++)
        {
            (file, var pointer) = Target(reference.GetValue<string>(), file);
            node = Find(sources[file], pointer);
        }

        return (node, file);
    }

    void Enqueue(JsonNode? node, string file)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value is JsonValue reference)
                    {
                        pending.Enqueue(Target(reference.GetValue<string>(), file));
                    }
                    else
                    {
                        Enqueue(value, file);
                    }
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Enqueue(value, file);
                }

                break;
        }
    }

    (string File, string Pointer) Target(string reference, string file)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash > 0 ? Path.GetFileName(reference[..hash]) : file;
        return (target, reference[(hash + 1)..]);
    }
}

static IEnumerable<string> Segments(string pointer) =>
    pointer.Trim('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

static JsonNode Find(JsonObject document, string pointer)
{
    JsonNode node = document;
    foreach (var segment in Segments(pointer))
    {
        node = node[segment] ?? throw new InvalidDataException($"$ref target #{pointer} does not exist");
    }

    return node;
}

static void Place(JsonObject document, string pointer, JsonNode value)
{
    var segments = Segments(pointer).ToList();
    var node = document;
    foreach (var segment in segments[..^1])
    {
        node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject());
    }

    node[segments[^1]] = value;
}

// Drops what no test reads (prose, examples, vendor extensions). Inside a "properties" map the keys are property names
// (a property may well be called "description"), so they are all kept there.
static JsonNode? Strip(JsonNode? node, bool namesMap)
{
    switch (node)
    {
        case JsonObject o:
            var copy = new JsonObject();
            foreach (var (key, value) in o)
            {
                if (!namesMap && (key is "example" or "examples" or "externalDocs" or "x-atlassian-connect-scope" || key.StartsWith("x-", StringComparison.Ordinal)
                    || (key is "description" or "summary" or "title" && value is JsonValue)))
                {
                    continue;
                }

                copy[key] = Strip(value, !namesMap && key is "properties" or "patternProperties");
            }

            return copy;
        case JsonArray a:
            return new JsonArray([.. a.Select(v => Strip(v, false))]);
        default:
            return node?.DeepClone();
    }
}
