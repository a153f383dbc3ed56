using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>
/// Structural checks of an ADF document against the rules in the reference (jira-cloud-api.md §7.1, §9.4): the root
/// is <c>{"type":"doc","version":1,"content":[…]}</c>; each node type may only hold the children the ADF schema
/// allows (blocks in the document, cells and quotes; inline nodes in paragraphs and headings; list items in
/// lists, starting with a paragraph; rows in tables; text without marks in code blocks); text nodes carry
/// non-empty text; marks appear on text only, are known, not repeated, and <c>code</c> combines only with
/// <c>link</c>; required attributes (heading level 1–6, link href, mention id, …) are present. Node types outside
/// the subset Jira accepts are errors. Used by tests and by the Jira simulator to reject malformed ADF.
/// </summary>
public static partial class AdfValidator
{
    private static readonly string[] TopBlocks =
    [
        "paragraph", "heading", "bulletList", "orderedList", "blockquote", "codeBlock", "rule", "panel", "table",
        "mediaSingle", "mediaGroup", "expand", "decisionList", "taskList", "blockCard", "embedCard",
    ];

    private static readonly string[] Inlines =
    [
        "text", "hardBreak", "mention", "emoji", "date", "status", "inlineCard", "mediaInline",
    ];

    private static readonly string[] ListItemChildren = ["paragraph", "bulletList", "orderedList", "codeBlock", "mediaSingle"];

    private static readonly string[] QuoteChildren = ["paragraph", "bulletList", "orderedList", "codeBlock", "mediaGroup", "mediaSingle"];

    private static readonly string[] PanelChildren =
    [
        "paragraph", "heading", "bulletList", "orderedList", "blockCard", "mediaGroup", "mediaSingle", "codeBlock",
        "taskList", "rule", "decisionList",
    ];

    private static readonly string[] CellChildren =
    [
        "paragraph", "heading", "bulletList", "orderedList", "blockquote", "codeBlock", "rule", "panel",
        "mediaGroup", "mediaSingle", "decisionList", "taskList", "blockCard", "embedCard", "nestedExpand",
    ];

    private static readonly string[] NestedExpandChildren =
    [
        "paragraph", "heading", "bulletList", "orderedList", "blockquote", "codeBlock", "rule", "panel",
        "mediaGroup", "mediaSingle", "decisionList", "taskList",
    ];

    private static readonly string[] ExpandChildren = [.. NestedExpandChildren, "table", "nestedExpand", "blockCard", "embedCard"];

    private sealed record Rule(string[]? Children, int MinChildren = 0, string? FirstChild = null);

    /// <summary>Allowed children per node type; null children = a leaf (no content allowed).</summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["paragraph"] = new(Inlines),
        ["heading"] = new(Inlines),
        ["bulletList"] = new(["listItem"], 1),
        ["orderedList"] = new(["listItem"], 1),
        ["listItem"] = new(ListItemChildren, 1, "paragraph"),
        ["blockquote"] = new(QuoteChildren, 1),
        ["codeBlock"] = new(["text"]),
        ["rule"] = new(null),
        ["panel"] = new(PanelChildren, 1),
        ["table"] = new(["tableRow"], 1),
        ["tableRow"] = new(["tableHeader", "tableCell"], 1),
        ["tableHeader"] = new(CellChildren, 1),
        ["tableCell"] = new(CellChildren, 1),
        ["mediaSingle"] = new(["media", "caption"], 1, "media"),
        ["mediaGroup"] = new(["media"], 1),
        ["media"] = new(null),
        ["caption"] = new(Inlines),
        ["expand"] = new(ExpandChildren, 1),
        ["nestedExpand"] = new(NestedExpandChildren, 1),
        ["decisionList"] = new(["decisionItem"], 1),
        ["decisionItem"] = new(Inlines),
        ["taskList"] = new(["taskItem", "taskList"], 1, "taskItem"),
        ["taskItem"] = new(Inlines),
        ["blockCard"] = new(null),
        ["embedCard"] = new(null),
        ["text"] = new(null),
        ["hardBreak"] = new(null),
        ["mention"] = new(null),
        ["emoji"] = new(null),
        ["date"] = new(null),
        ["status"] = new(null),
        ["inlineCard"] = new(null),
        ["mediaInline"] = new(null),
    };

    private static readonly HashSet<string> MarkTypes = new(StringComparer.Ordinal)
    {
        "strong", "em", "underline", "strike", "code", "link", "subsup", "textColor", "backgroundColor",
    };

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    /// <summary>Validates an ADF document given as a JSON tree.</summary>
    public static AdfValidationResult Validate(JsonNode? document)
    {
        var errors = new List<string>();
        if (document is not JsonObject root)
        {
            errors.Add("$: the document must be a JSON object");
            return new AdfValidationResult(errors);
        }

        if (AdfNodes.TypeOf(root) != "doc")
        {
            errors.Add("$.type: the root must have type \"doc\"");
        }

        if (!AdfNodes.TryGetInt(root["version"], out var version) || version != 1)
        {
            errors.Add("$.version: must be 1");
        }

        if (root["content"] is not JsonArray content)
        {
            errors.Add("$.content: must be an array");
        }
        else
        {
            CheckChildren(content, TopBlocks, 0, null, "$", "doc", errors);
        }

        if (root.ContainsKey("marks"))
        {
            errors.Add("$.marks: marks are only allowed on text nodes");
        }

        return new AdfValidationResult(errors);
    }

    /// <summary>Validates ADF given as JSON text; text that does not parse is invalid.</summary>
    public static AdfValidationResult ValidateJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new AdfValidationResult(["$: empty body"]);
        }

        try
        {
            return Validate(JsonNode.Parse(json));
        }
        catch (JsonException ex)
        {
            return new AdfValidationResult([$"$: not JSON ({ex.Message})"]);
        }
    }

    private static void CheckChildren(
        JsonArray content, string[] allowed, int minChildren, string? firstChild, string path, string parentType,
        List<string> errors)
    {
        if (content.Count < minChildren)
        {
            errors.Add($"{path}.content: {parentType} needs at least {minChildren} child node(s)");
        }

        for (var i = 0; i < content.Count; i++)
        {
            var childPath = $"{path}.content[{i}]";
            if (content[i] is not JsonObject child)
            {
                errors.Add($"{childPath}: must be a node object");
                continue;
            }

            var type = AdfNodes.TypeOf(child);
            if (type is null)
            {
                errors.Add($"{childPath}.type: missing");
                continue;
            }

            if (!Rules.ContainsKey(type))
            {
                errors.Add($"{childPath}: unknown node type \"{type}\"");
                continue;
            }

            if (!allowed.Contains(type))
            {
                errors.Add($"{childPath}: \"{type}\" is not allowed inside \"{parentType}\"");
            }

            if (i == 0 && firstChild is not null && type != firstChild)
            {
                errors.Add($"{childPath}: the first child of \"{parentType}\" must be \"{firstChild}\"");
            }

            CheckNode(child, type, childPath, parentType, errors);
        }
    }

    private static void CheckNode(JsonObject node, string type, string path, string parentType, List<string> errors)
    {
        var rule = Rules[type];
        var content = node["content"];
        if (rule.Children is null)
        {
            if (content is not null)
            {
                errors.Add($"{path}.content: \"{type}\" cannot have content");
            }
        }
        else if (content is null)
        {
            if (rule.MinChildren > 0)
            {
                errors.Add($"{path}.content: \"{type}\" needs content");
            }
        }
        else if (content is not JsonArray array)
        {
            errors.Add($"{path}.content: must be an array");
        }
        else
        {
            CheckChildren(array, rule.Children, rule.MinChildren, rule.FirstChild, path, type, errors);
        }

        if (node.ContainsKey("marks"))
        {
            if (type != "text")
            {
                errors.Add($"{path}.marks: marks are only allowed on text nodes");
            }
            else
            {
                CheckMarks(node["marks"], path, parentType, errors);
            }
        }

        CheckAttributes(node, type, path, errors);
    }

    private static void CheckMarks(JsonNode? marksNode, string path, string parentType, List<string> errors)
    {
        if (marksNode is not JsonArray marks)
        {
            errors.Add($"{path}.marks: must be an array");
            return;
        }

        if (parentType == "codeBlock" && marks.Count > 0)
        {
            errors.Add($"{path}.marks: text in a codeBlock cannot have marks");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < marks.Count; i++)
        {
            var markPath = $"{path}.marks[{i}]";
            var type = AdfNodes.TypeOf(marks[i]);
            if (type is null || !MarkTypes.Contains(type))
            {
                errors.Add($"{markPath}: unknown mark \"{type}\"");
                continue;
            }

            if (!seen.Add(type))
            {
                errors.Add($"{markPath}: mark \"{type}\" appears twice");
            }

            var mark = (JsonObject)marks[i]!;
            switch (type)
            {
                case "link" when string.IsNullOrWhiteSpace(AdfNodes.Attr(mark, "href")):
                    errors.Add($"{markPath}.attrs.href: a link needs an href");
                    break;
                case "subsup" when AdfNodes.Attr(mark, "type") is not ("sub" or "sup"):
                    errors.Add($"{markPath}.attrs.type: must be \"sub\" or \"sup\"");
                    break;
                case "textColor" or "backgroundColor" when !HexColor().IsMatch(AdfNodes.Attr(mark, "color") ?? string.Empty):
                    errors.Add($"{markPath}.attrs.color: must be #rrggbb");
                    break;
            }
        }

        if (seen.Contains("code") && seen.Any(t => t is not ("code" or "link")))
        {
            errors.Add($"{path}.marks: the code mark can only be combined with link");
        }
    }

    private static void CheckAttributes(JsonObject node, string type, string path, List<string> errors)
    {
        var attrs = AdfNodes.Attrs(node);
        if (node.ContainsKey("attrs") && attrs is null)
        {
            errors.Add($"{path}.attrs: must be an object");
            return;
        }

        switch (type)
        {
            case "text":
                if (string.IsNullOrEmpty(AdfNodes.GetString(node, "text")))
                {
                    errors.Add($"{path}.text: text nodes need non-empty text");
                }

                break;
            case "heading":
                if (!AdfNodes.TryGetInt(attrs?["level"], out var level) || level is < 1 or > 6)
                {
                    errors.Add($"{path}.attrs.level: must be 1 to 6");
                }

                break;
            case "orderedList":
                if (attrs?["order"] is { } order && (!AdfNodes.TryGetInt(order, out var start) || start < 0))
                {
                    errors.Add($"{path}.attrs.order: must be a whole number of at least 0");
                }

                break;
            case "tableCell" or "tableHeader":
                foreach (var span in (string[])["colspan", "rowspan"])
                {
                    if (attrs?[span] is { } value && (!AdfNodes.TryGetInt(value, out var n) || n < 1))
                    {
                        errors.Add($"{path}.attrs.{span}: must be a whole number of at least 1");
                    }
                }

                break;
            case "panel":
                if (AdfNodes.Attr(node, "panelType") is not ("info" or "note" or "warning" or "success" or "error" or "custom"))
                {
                    errors.Add($"{path}.attrs.panelType: must be info, note, warning, success, error or custom");
                }

                break;
            case "mention":
                RequireString(attrs, "id", path, errors);
                break;
            case "emoji":
                RequireString(attrs, "shortName", path, errors);
                break;
            case "date":
                if (attrs?["timestamp"] is not JsonValue)
                {
                    errors.Add($"{path}.attrs.timestamp: required");
                }

                break;
            case "status":
                RequireString(attrs, "text", path, errors);
                RequireString(attrs, "color", path, errors);
                break;
            case "inlineCard" or "blockCard" or "embedCard":
                if (AdfNodes.Attr(node, "url") is null && attrs?["data"] is not JsonObject)
                {
                    errors.Add($"{path}.attrs: a card needs a url or data");
                }

                break;
            case "media":
                if (AdfNodes.Attr(node, "type") is not ("file" or "link" or "external"))
                {
                    errors.Add($"{path}.attrs.type: must be file, link or external");
                }
                else if (AdfNodes.Attr(node, "type") == "external")
                {
                    RequireString(attrs, "url", path, errors);
                }
                else
                {
                    RequireString(attrs, "id", path, errors);
                    RequireString(attrs, "collection", path, errors);
                }

                break;
            case "codeBlock":
                if (attrs?["language"] is { } language
                    && (language is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
                {
                    errors.Add($"{path}.attrs.language: must be a string");
                }

                break;
        }
    }

    private static void RequireString(JsonObject? attrs, string name, string path, List<string> errors)
    {
        if (AdfNodes.GetString(attrs, name) is null)
        {
            errors.Add($"{path}.attrs.{name}: required");
        }
    }
}
