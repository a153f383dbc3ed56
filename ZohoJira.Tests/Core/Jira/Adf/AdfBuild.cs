using System.Text.Json.Nodes;

namespace ZohoJira.Tests.Core.Jira.Adf;

/// <summary>Terse builders for expected ADF in table tests.</summary>
internal static class AdfBuild
{
    public static JsonObject Doc(params JsonNode[] content) =>
        new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(content) };

    public static JsonObject Node(string type, JsonObject? attrs, params JsonNode[] content)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null)
        {
            node["attrs"] = attrs;
        }

        node["content"] = new JsonArray(content);
        return node;
    }

    public static JsonObject P(params JsonNode[] content) => Node("paragraph", null, content);

    public static JsonObject H(int level, params JsonNode[] content) => Node("heading", new JsonObject { ["level"] = level }, content);

    public static JsonObject Ul(params JsonNode[] items) => Node("bulletList", null, items);

    public static JsonObject Ol(params JsonNode[] items) => Node("orderedList", null, items);

    public static JsonObject OlFrom(int order, params JsonNode[] items) => Node("orderedList", new JsonObject { ["order"] = order }, items);

    public static JsonObject Li(params JsonNode[] blocks) => Node("listItem", null, blocks);

    public static JsonObject Quote(params JsonNode[] blocks) => Node("blockquote", null, blocks);

    public static JsonObject Code(string text, string? language = null) =>
        Node("codeBlock", language is null ? null : new JsonObject { ["language"] = language }, T(text));

    public static JsonObject Table(params JsonNode[] rows) => Node("table", null, rows);

    public static JsonObject Tr(params JsonNode[] cells) => Node("tableRow", null, cells);

    public static JsonObject Th(params JsonNode[] blocks) => Node("tableHeader", null, blocks);

    public static JsonObject Td(params JsonNode[] blocks) => Node("tableCell", null, blocks);

    public static JsonObject Rule() => new() { ["type"] = "rule" };

    public static JsonObject Br() => new() { ["type"] = "hardBreak" };

    /// <summary>A text node; marks by name ("strong", "em", "underline", "strike", "code", "sub", "sup").</summary>
    public static JsonObject T(string text, params string[] marks)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks.Length > 0)
        {
            node["marks"] = new JsonArray(marks.Select(Mark).ToArray());
        }

        return node;
    }

    /// <summary>A linked text node; the link mark comes first, then the other marks.</summary>
    public static JsonObject Link(string text, string href, params string[] marks)
    {
        var node = T(text, marks);
        var all = new JsonArray(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = href } });
        foreach (var m in marks)
        {
            all.Add(Mark(m));
        }

        node["marks"] = all;
        return node;
    }

    public static JsonObject Inline(string type, JsonObject attrs) => new() { ["type"] = type, ["attrs"] = attrs };

    private static JsonNode Mark(string name) => name switch
    {
        "sub" or "sup" => new JsonObject { ["type"] = "subsup", ["attrs"] = new JsonObject { ["type"] = name } },
        _ => new JsonObject { ["type"] = name },
    };
}
