using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>Small helpers to build and read ADF nodes held as <see cref="JsonNode"/> trees.</summary>
internal static class AdfNodes
{
    /// <summary>
    /// Serialization used to measure and compare documents: compact, and without escaping non-ASCII characters,
    /// which is how Jira itself stores the document (see <see cref="AdfText"/>).
    /// </summary>
    public static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        MaxDepth = 256,
    };

    public static JsonObject Doc(IEnumerable<JsonNode>? content = null) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = ToArray(content),
    };

    public static JsonObject Node(string type, IEnumerable<JsonNode>? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null && attrs.Count > 0)
        {
            node["attrs"] = attrs;
        }

        if (content is not null)
        {
            node["content"] = ToArray(content);
        }

        return node;
    }

    public static JsonObject Paragraph(IEnumerable<JsonNode>? content = null) => Node("paragraph", content ?? []);

    public static JsonObject Text(string text, JsonArray? marks = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks is not null && marks.Count > 0)
        {
            node["marks"] = marks;
        }

        return node;
    }

    public static JsonObject HardBreak() => new() { ["type"] = "hardBreak" };

    public static JsonArray ToArray(IEnumerable<JsonNode>? nodes)
    {
        var array = new JsonArray();
        if (nodes is null)
        {
            return array;
        }

        foreach (var node in nodes)
        {
            array.Add(node.Parent is null ? node : node.DeepClone());
        }

        return array;
    }

    public static string? TypeOf(JsonNode? node) => node is JsonObject obj ? GetString(obj, "type") : null;

    public static string? GetString(JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v
            && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    public static JsonObject? Attrs(JsonObject obj) =>
        obj.TryGetPropertyValue("attrs", out var attrs) ? attrs as JsonObject : null;

    public static string? Attr(JsonObject obj, string name) => GetString(Attrs(obj), name);

    public static JsonArray? Content(JsonObject obj) =>
        obj.TryGetPropertyValue("content", out var content) ? content as JsonArray : null;

    public static IEnumerable<JsonObject> Children(JsonObject obj) =>
        Content(obj)?.OfType<JsonObject>() ?? [];

    public static bool TryGetInt(JsonNode? node, out int value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out int i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue(out long l) && l is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)l;
            return true;
        }

        if (v.TryGetValue(out double d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }

        return false;
    }

    public static int MeasureJson(JsonNode node) => node.ToJsonString(CompactJson).Length;
}
