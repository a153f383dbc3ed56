using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

public class AdfValidatorTests
{
    public static TheoryData<string, string> ValidDocuments()
    {
        var data = new TheoryData<string, string>();
        void Add(string name, JsonNode doc) => data.Add(name, doc.ToJsonString());

        Add("empty document", Doc());
        Add("empty paragraph", Doc(P()));
        Add("text with empty marks array", Doc(P(new JsonObject { ["type"] = "text", ["text"] = "x", ["marks"] = new JsonArray() })));
        Add("marks", Doc(P(Link("x", "https://e.com", "strong", "em", "underline", "strike", "sup"), T("c", "code"), Link("lc", "https://e.com", "code"))));
        Add("nested lists", Doc(Ul(Li(P(T("a")), Ol(Li(P(T("b"))))))));
        Add("list item with code block", Doc(Ul(Li(P(T("a")), Code("x")))));
        Add("table", Doc(Table(Tr(Th(P(T("h"))), Node("tableCell", new JsonObject { ["colspan"] = 2 }, P(), Ul(Li(P(T("x")))))))));
        Add("quote, code, rule, heading", Doc(Quote(P(T("q"))), Code("c", "js"), Rule(), H(6, T("h"))));
        Add("empty code block", Doc(Node("codeBlock", null)));
        Add("jira extras", Doc(
            P(Inline("mention", new JsonObject { ["id"] = "712020:a", ["text"] = "@A" }), Inline("emoji", new JsonObject { ["shortName"] = ":smile:" }),
                Inline("status", new JsonObject { ["text"] = "DONE", ["color"] = "green" }), Inline("date", new JsonObject { ["timestamp"] = "1704067200000" }),
                Inline("inlineCard", new JsonObject { ["url"] = "https://e.com" })),
            Node("panel", new JsonObject { ["panelType"] = "info" }, P(T("p"))),
            Node("mediaSingle", new JsonObject { ["layout"] = "center" }, Inline("media", new JsonObject { ["type"] = "file", ["id"] = "1", ["collection"] = "c" })),
            Node("expand", new JsonObject { ["title"] = "t" }, P(T("e")))));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Validate_ValidDocument_HasNoErrors(string name, string json)
    {
        _ = name;
        var result = AdfValidator.ValidateJson(json);

        result.IsValid.Should().BeTrue(result.ToString());
        result.Errors.Should().BeEmpty();
    }

    public static TheoryData<string, string, string> InvalidDocuments()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string name, JsonNode doc, string error) => data.Add(name, doc.ToJsonString(), error);

        Add("array root", new JsonArray(), "must be a JSON object");
        Add("plain string body", JsonValue.Create("just text"), "must be a JSON object");
        Add("wrong root type", new JsonObject { ["type"] = "paragraph", ["version"] = 1, ["content"] = new JsonArray() }, "type \"doc\"");
        Add("wrong version", new JsonObject { ["type"] = "doc", ["version"] = 2, ["content"] = new JsonArray() }, "$.version");
        Add("missing version", new JsonObject { ["type"] = "doc", ["content"] = new JsonArray() }, "$.version");
        Add("missing content", new JsonObject { ["type"] = "doc", ["version"] = 1 }, "$.content");
        Add("empty text", Doc(P(T(""))), "non-empty text");
        Add("text without text", Doc(P(new JsonObject { ["type"] = "text" })), "non-empty text");
        Add("marks on paragraph", Doc(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(T("x")), ["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" }) }),
            "only allowed on text");
        Add("unknown mark", Doc(P(T("x", "bold"))), "unknown mark");
        Add("duplicate mark", Doc(P(T("x", "strong", "strong"))), "appears twice");
        Add("code with strong", Doc(P(T("x", "code", "strong"))), "code mark can only be combined with link");
        Add("link without href", Doc(P(new JsonObject { ["type"] = "text", ["text"] = "x", ["marks"] = new JsonArray(new JsonObject { ["type"] = "link" }) })), "needs an href");
        Add("bad color", Doc(P(new JsonObject { ["type"] = "text", ["text"] = "x", ["marks"] = new JsonArray(new JsonObject { ["type"] = "textColor", ["attrs"] = new JsonObject { ["color"] = "red" } }) })), "#rrggbb");
        Add("text at top level", Doc(T("x")), "\"text\" is not allowed inside \"doc\"");
        Add("paragraph in paragraph", Doc(P(P(T("x")))), "\"paragraph\" is not allowed inside \"paragraph\"");
        Add("list item starting with a list", Doc(Ul(Li(Ul(Li(P(T("x"))))))), "first child of \"listItem\" must be \"paragraph\"");
        Add("empty list", Doc(Ul()), "at least 1");
        Add("empty list item", Doc(Ul(Li())), "at least 1");
        Add("paragraph directly in list", Doc(Ul(P(T("x")))), "not allowed inside \"bulletList\"");
        Add("text directly in cell", Doc(Table(Tr(Td(T("x"))))), "not allowed inside \"tableCell\"");
        Add("empty cell", Doc(Table(Tr(Td()))), "at least 1");
        Add("paragraph in table", Doc(Table(P(T("x")))), "not allowed inside \"table\"");
        Add("table in cell", Doc(Table(Tr(Td(Table(Tr(Td(P()))))))), "not allowed inside \"tableCell\"");
        Add("heading level 7", Doc(H(7, T("x"))), "attrs.level");
        Add("heading without level", Doc(Node("heading", null, T("x"))), "attrs.level");
        Add("unknown node", Doc(Node("marquee", null, T("x"))), "unknown node type \"marquee\"");
        Add("marks in code block", Doc(Node("codeBlock", null, T("x", "strong"))), "codeBlock cannot have marks");
        Add("rule with content", Doc(Node("rule", null, T("x"))), "cannot have content");
        Add("mention without id", Doc(P(Inline("mention", new JsonObject { ["text"] = "@x" }))), "attrs.id");
        Add("emoji without short name", Doc(P(Inline("emoji", new JsonObject { ["text"] = "x" }))), "attrs.shortName");
        Add("media without id", Doc(Node("mediaSingle", null, Inline("media", new JsonObject { ["type"] = "file" }))), "attrs.id");
        Add("bad panel type", Doc(Node("panel", new JsonObject { ["panelType"] = "shout" }, P(T("x")))), "panelType");
        Add("negative colspan", Doc(Table(Tr(Node("tableCell", new JsonObject { ["colspan"] = 0 }, P())))), "colspan");
        Add("node without type", Doc(new JsonObject { ["content"] = new JsonArray() }), "type: missing");
        Add("content not array", Doc(new JsonObject { ["type"] = "paragraph", ["content"] = "x" }), "must be an array");
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Validate_InvalidDocument_ReportsTheProblem(string name, string json, string expectedError)
    {
        _ = name;
        var result = AdfValidator.ValidateJson(json);

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Contains(expectedError, StringComparison.Ordinal), result.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    public void ValidateJson_NotJson_IsInvalid(string json)
    {
        AdfValidator.ValidateJson(json).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Validate_ErrorsCarryThePath()
    {
        var result = AdfValidator.Validate(Doc(P(T("ok")), Ul(Li(P(T(""))))));

        result.Errors.Should().ContainSingle().Which.Should().StartWith("$.content[1].content[0].content[0].content[0].text");
    }
}
