using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

/// <summary>Converting there and back keeps the meaning: the same ADF structure and the same text.</summary>
public class AdfRoundTripTests
{
    private readonly HtmlToAdfConverter _toAdf = new();
    private readonly AdfToHtmlConverter _toHtml = new();

    public static TheoryData<string> ZohoHtml() => new()
    {
        "<div>Hi team,</div><div><br></div><div>The export <b>fails</b> since <i>Monday</i>.</div><div><br></div><div>Regards</div>",
        "<p>a<br>b<br>c</p>",
        "<h1>Title</h1><h4>Sub</h4><p>text</p>",
        "<p><b>b</b> <i>i</i> <u>u</u> <s>s</s> <code>c</code> H<sub>2</sub>O x<sup>2</sup> <b><i><u>all</u></i></b></p>",
        "<p>See <a href=\"https://desk.zoho.eu/agent/acme/tickets/48213\">ticket #48213</a> or <a href=\"mailto:help@acme.example\">mail</a>.</p>",
        "<p><a href=\"https://e.com\"><b>bold link</b> rest</a></p>",
        "<ul><li>one</li><li>two<ul><li>two.a</li><li>two.b<ol><li>deep</li></ol></li></ul></li><li>three</li></ul>",
        "<ol start=\"4\"><li>four</li><li>five</li></ol>",
        "<blockquote><p>quoted <b>text</b></p><ul><li>in list</li></ul></blockquote>",
        "<pre><code class=\"language-json\">{\n  \"a\": \"&lt;b&gt;\"\n}</code></pre>",
        "<p>before</p><hr><p>after</p>",
        "<table><tr><th>Key</th><th>Value</th></tr><tr><td>os</td><td><b>Linux</b><br>6.1</td></tr><tr><td colspan=\"2\"></td></tr></table>",
        "<p>special &lt;chars&gt; &amp; \"quotes\" 'apos' ©&nbsp;ok</p>",
        "<div>Logo: <img src=\"https://desk.zoho.eu/img/logo.png\" alt=\"Logo\"></div>",
        "<p>text <script>alert(1)</script>kept <a href=\"javascript:alert(1)\">unlinked</a></p>",
        "<div><span style=\"font-weight: bold\">styled</span> plain</div>",
    };

    [Theory]
    [MemberData(nameof(ZohoHtml))]
    public void HtmlToAdfToHtmlToAdf_KeepsStructureAndText(string html)
    {
        var first = _toAdf.Convert(html);
        var backToHtml = _toHtml.Convert(first);
        var second = _toAdf.Convert(backToHtml);

        AdfAssert.Valid(first);
        AdfAssert.Equal(first, second);
        Normalise(AdfText.ToPlainText(second)).Should().Be(Normalise(AdfText.ToPlainText(first)));
        // Every visible character of the HTML is in the ADF, in order (line and cell separators aside).
        Characters(AdfText.ToPlainText(first)).Should().Be(Characters(VisibleText(html)));
    }

    public static TheoryData<string> AdfDocuments()
    {
        var data = new TheoryData<string>();
        void Add(JsonObject doc) => data.Add(doc.ToJsonString());

        Add(Doc(P(T("plain")), P(T("a"), Br(), T("b"))));
        Add(Doc(H(2, T("Heading "), T("em", "em")), P(T("x", "strong", "em", "underline", "strike"))));
        Add(Doc(P(Link("link", "https://e.com/a", "strong"), T(" and "), T("code", "code"), T("2", "sup"))));
        Add(Doc(Ul(Li(P(T("a")), Ol(Li(P(T("b")))))), OlFrom(5, Li(P(T("c"))))));
        Add(Doc(Quote(P(T("q")), Ul(Li(P(T("in quote")))))));
        Add(Doc(Code("line1\n  <line2>", "python"), Rule()));
        Add(Doc(Ul(Li(P(T("a")), P(T("b"))), Li(P(), Ol(Li(P(T("c"))))))));
        Add(Doc(Table(Tr(Td(P()), Td(P(T("x")), P(T("y")))))));
        Add(Doc(Table(Tr(Th(P(T("h1"))), Th(P(T("h2")))), Tr(Td(P(T("a"))), Td(Ul(Li(P(T("b")))))))));
        return data;
    }

    [Theory]
    [MemberData(nameof(AdfDocuments))]
    public void AdfToHtmlToAdf_IsIdentityForTheSharedSubset(string adfJson)
    {
        var adf = JsonNode.Parse(adfJson)!;
        AdfAssert.Valid(adf);

        var back = _toAdf.Convert(_toHtml.Convert(adf));

        AdfAssert.Equal(adf, back);
    }

    [Fact]
    public void JiraOnlyNodes_SurviveAsReadableText()
    {
        var adf = Doc(
            P(T("Hi "), Inline("mention", new JsonObject { ["id"] = "1", ["text"] = "@Jane" }), T(" "),
                Inline("emoji", new JsonObject { ["shortName"] = ":smile:", ["text"] = "😄" })),
            Node("mediaSingle", null, Inline("media", new JsonObject { ["type"] = "file", ["id"] = "x", ["collection"] = "c", ["alt"] = "log.txt" })),
            Node("panel", new JsonObject { ["panelType"] = "info" }, P(T("note"))));

        var back = _toAdf.Convert(_toHtml.Convert(adf));

        AdfAssert.Valid(back);
        AdfText.ToPlainText(back).Should().Be("Hi @Jane 😄\n[attachment: log.txt]\nInfo:\nnote");
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u00A0', ' ').Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Characters(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '|').ToArray());

    private static string VisibleText(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script,style").ToList())
        {
            element.Remove();
        }

        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            image.Replace(document.CreateTextNode($"[image: {image.GetAttribute("alt")}]"));
        }

        return document.Body!.TextContent;
    }
}
