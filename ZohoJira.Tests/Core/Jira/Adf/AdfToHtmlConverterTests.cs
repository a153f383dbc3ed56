using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

public class AdfToHtmlConverterTests
{
    private readonly AdfToHtmlConverter _converter = new();

    private static JsonObject Media(string? alt, string type = "file")
    {
        var attrs = new JsonObject { ["type"] = type, ["id"] = "6e7c7f2c-1", ["collection"] = "jira-10042" };
        if (alt is not null)
        {
            attrs["alt"] = alt;
        }

        return Inline("media", attrs);
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string name, JsonNode adf, string html) => data.Add(name, adf.ToJsonString(), html);

        // Text and blocks
        Add("paragraph and hard break", Doc(P(T("a"), Br(), T("b"))), "<p>a<br>b</p>");
        Add("empty document", Doc(), "");
        Add("empty paragraph", Doc(P()), "<p></p>");
        Add("heading", Doc(H(2, T("Title"))), "<h2>Title</h2>");
        Add("heading level out of range is clamped", Doc(H(9, T("x"))), "<h6>x</h6>");
        Add("text is encoded", Doc(P(T("<b>not bold</b> & \"q\" 'a'"))), "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;</p>");
        Add("newline in text is a break", Doc(P(T("a\nb"))), "<p>a<br>b</p>");
        Add("stray text at top level is wrapped", Doc(T("loose")), "<p>loose</p>");

        // Marks
        Add("strong em underline strike", Doc(P(T("s", "strong"), T("e", "em"), T("u", "underline"), T("k", "strike"))),
            "<p><strong>s</strong><em>e</em><u>u</u><s>k</s></p>");
        Add("code and subsup", Doc(P(T("c", "code"), T("2", "sub"), T("3", "sup"))), "<p><code>c</code><sub>2</sub><sup>3</sup></p>");
        Add("combined marks nest", Doc(P(T("x", "strong", "em"))), "<p><strong><em>x</em></strong></p>");
        Add("duplicate marks once", Doc(P(T("x", "strong", "strong"))), "<p><strong>x</strong></p>");
        Add("unknown and color marks ignored", Doc(P(new JsonObject
        {
            ["type"] = "text", ["text"] = "c",
            ["marks"] = new JsonArray(
                new JsonObject { ["type"] = "textColor", ["attrs"] = new JsonObject { ["color"] = "#ff0000" } },
                new JsonObject { ["type"] = "annotation" }),
        })), "<p>c</p>");
        Add("link", Doc(P(Link("site", "https://example.com/a?b=1&c=2"))), "<p><a href=\"https://example.com/a?b=1&amp;c=2\">site</a></p>");
        Add("link outermost", Doc(P(Link("x", "https://e.com", "strong"))), "<p><a href=\"https://e.com\"><strong>x</strong></a></p>");
        Add("mailto link", Doc(P(Link("mail", "mailto:a@b.c"))), "<p><a href=\"mailto:a@b.c\">mail</a></p>");
        Add("javascript link dropped", Doc(P(Link("x", "javascript:alert(1)"))), "<p>x</p>");
        Add("relative link dropped", Doc(P(Link("x", "/browse/A-1"))), "<p>x</p>");

        // Lists, quotes, code, rule, tables
        Add("bullet list", Doc(Ul(Li(P(T("a"))), Li(P(T("b"))))), "<ul><li>a</li><li>b</li></ul>");
        Add("ordered list with start", Doc(OlFrom(3, Li(P(T("a"))))), "<ol start=\"3\"><li>a</li></ol>");
        Add("list item with two paragraphs", Doc(Ul(Li(P(T("a")), P(T("b"))))), "<ul><li>a<p>b</p></li></ul>");
        Add("list item with only a nested list", Doc(Ul(Li(P(), Ul(Li(P(T("b"))))))), "<ul><li><ul><li>b</li></ul></li></ul>");
        Add("nested list", Doc(Ul(Li(P(T("a")), Ol(Li(P(T("b"))))))), "<ul><li>a<ol><li>b</li></ol></li></ul>");
        Add("blockquote", Doc(Quote(P(T("q")))), "<blockquote><p>q</p></blockquote>");
        Add("code block with language", Doc(Code("if (a < b) {}\n  x();", "csharp")),
            "<pre><code class=\"language-csharp\">if (a &lt; b) {}\n  x();</code></pre>");
        Add("code block without language", Doc(Code("x")), "<pre><code>x</code></pre>");
        Add("rule", Doc(P(T("a")), Rule(), P(T("b"))), "<p>a</p><hr><p>b</p>");
        Add("table", Doc(Table(Tr(Th(P(T("H"))), Node("tableCell", new JsonObject { ["colspan"] = 2, ["rowspan"] = 1 }, P(T("c")))))),
            "<table><tbody><tr><th>H</th><td colspan=\"2\">c</td></tr></tbody></table>");

        // Nodes without an HTML equivalent become readable text
        Add("mention", Doc(P(T("hi "), Inline("mention", new JsonObject { ["id"] = "712020:abc", ["text"] = "@Jane Doe" }))), "<p>hi @Jane Doe</p>");
        Add("mention without at sign", Doc(P(Inline("mention", new JsonObject { ["id"] = "1", ["text"] = "Jane" }))), "<p>@Jane</p>");
        Add("mention without text", Doc(P(Inline("mention", new JsonObject { ["id"] = "1" }))), "<p>@user</p>");
        Add("emoji text", Doc(P(Inline("emoji", new JsonObject { ["shortName"] = ":grinning:", ["text"] = "😀" }))), "<p>😀</p>");
        Add("emoji short name", Doc(P(Inline("emoji", new JsonObject { ["shortName"] = ":smile:" }))), "<p>:smile:</p>");
        Add("media single", Doc(Node("mediaSingle", new JsonObject { ["layout"] = "center" }, Media("screenshot.png"))), "<p>[attachment: screenshot.png]</p>");
        Add("media group", Doc(Node("mediaGroup", null, Media("a.pdf"), Media(null))), "<p>[attachment: a.pdf]<br>[attachment]</p>");
        Add("media inline", Doc(P(T("see "), Inline("mediaInline", new JsonObject { ["id"] = "1", ["collection"] = "c", ["alt"] = "log.txt" }))),
            "<p>see [attachment: log.txt]</p>");
        Add("inline card", Doc(P(Inline("inlineCard", new JsonObject { ["url"] = "https://acme.atlassian.net/browse/A-1" }))),
            "<p><a href=\"https://acme.atlassian.net/browse/A-1\">https://acme.atlassian.net/browse/A-1</a></p>");
        Add("inline card with unsafe url", Doc(P(Inline("inlineCard", new JsonObject { ["url"] = "javascript:alert(1)" }))), "<p>[link]</p>");
        Add("block card", Doc(Inline("blockCard", new JsonObject { ["url"] = "https://e.com/x" })), "<p><a href=\"https://e.com/x\">https://e.com/x</a></p>");
        Add("panel", Doc(Node("panel", new JsonObject { ["panelType"] = "warning" }, P(T("careful")))),
            "<blockquote><p><strong>Warning:</strong></p><p>careful</p></blockquote>");
        Add("expand", Doc(Node("expand", new JsonObject { ["title"] = "More" }, P(T("hidden")))), "<p><strong>More</strong></p><p>hidden</p>");
        Add("status", Doc(P(Inline("status", new JsonObject { ["text"] = "IN PROGRESS", ["color"] = "blue" }))), "<p>[IN PROGRESS]</p>");
        Add("date", Doc(P(Inline("date", new JsonObject { ["timestamp"] = "1704067200000" }))), "<p>2024-01-01</p>");
        Add("task list", Doc(Node("taskList", new JsonObject { ["localId"] = "t" },
                Node("taskItem", new JsonObject { ["localId"] = "1", ["state"] = "DONE" }, T("done")),
                Node("taskItem", new JsonObject { ["localId"] = "2", ["state"] = "TODO" }, T("todo")))),
            "<ul><li>[x] done</li><li>[ ] todo</li></ul>");
        Add("decision list", Doc(Node("decisionList", null, Node("decisionItem", new JsonObject { ["state"] = "DECIDED" }, T("ship it")))),
            "<ul><li>Decision: ship it</li></ul>");
        Add("unknown block gives its content", Doc(Node("layoutSection", null, Node("layoutColumn", null, P(T("col"))))), "<p>col</p>");
        Add("unknown inline gives its text", Doc(P(T("a "), Node("fancyInline", null, T("inner"), Br(), T("more")))), "<p>a inner<br>more</p>");
        Add("unknown leaf with text attr", Doc(Inline("extension", new JsonObject { ["text"] = "Macro <x>" })), "<p>Macro &lt;x&gt;</p>");
        Add("unknown leaf without text", Doc(Inline("extension", new JsonObject { ["extensionKey"] = "k" })), "");
        Add("placeholder is dropped", Doc(P(Inline("placeholder", new JsonObject { ["text"] = "Type here" }))), "<p></p>");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convert_ProducesExpectedHtml(string name, string adfJson, string expectedHtml)
    {
        _ = name;
        var html = _converter.Convert(JsonNode.Parse(adfJson));

        html.Should().Be(expectedHtml);
        AdfAssert.SafeHtml(html);
    }

    [Fact]
    public void Convert_ReferenceCommentExample_RendersAllParts()
    {
        // The comment request body from jira-cloud-api.md §4.8.
        var body = JsonNode.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"Zoho Desk reply from "},{"type":"text","text":"Jane Agent","marks":[{"type":"strong"}]},{"type":"text","text":":"}]},
              {"type":"paragraph","content":[{"type":"text","text":"We reproduced the issue. Logs: "},{"type":"text","text":"ticket #48213","marks":[{"type":"link","attrs":{"href":"https://desk.zoho.eu/agent/acme/tickets/48213"}}]}]},
              {"type":"bulletList","content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Browser: Firefox 133"}]}]},
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Account: ","marks":[]},{"type":"text","text":"acme-eu","marks":[{"type":"code"}]}]}]}]}]}
            """);

        var html = _converter.Convert(body);

        html.Should().Be("<p>Zoho Desk reply from <strong>Jane Agent</strong>:</p>"
            + "<p>We reproduced the issue. Logs: <a href=\"https://desk.zoho.eu/agent/acme/tickets/48213\">ticket #48213</a></p>"
            + "<ul><li>Browser: Firefox 133</li><li>Account: <code>acme-eu</code></li></ul>");
        AdfValidator.Validate(body).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("plain text", "<p>plain text</p>")]
    [InlineData("line1\nline2\n\npara <2>", "<p>line1<br>line2</p><p>para &lt;2&gt;</p>")]
    [InlineData("{not json", "<p>{not json</p>")]
    [InlineData("", "")]
    public void ConvertJson_NonAdfText_IsRenderedAsPlainText(string input, string expected)
    {
        _converter.ConvertJson(input).Should().Be(expected);
    }

    [Fact]
    public void ConvertJson_AdfText_IsRendered()
    {
        _converter.ConvertJson(Doc(P(T("x", "strong"))).ToJsonString()).Should().Be("<p><strong>x</strong></p>");
    }

    [Fact]
    public void Convert_JsonString_IsPlainText()
    {
        _converter.Convert(JsonValue.Create("h*i* <b>")).Should().Be("<p>h*i* &lt;b&gt;</p>");
    }
}
