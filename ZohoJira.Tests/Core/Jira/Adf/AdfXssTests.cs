using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

/// <summary>Nothing dangerous survives any of the three HTML paths: HTML → ADF, ADF → HTML, and SafeHtml.</summary>
public class AdfXssTests
{
    private readonly HtmlToAdfConverter _toAdf = new();
    private readonly AdfToHtmlConverter _toHtml = new();

    public static TheoryData<string> HostileHtml() => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<p>a<script type=\"text/javascript\">document.cookie</script>b</p>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\">",
        "<img src=\"https://ok.example/a.png&quot; onerror=&quot;alert(1)\">",
        "<img src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\nascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\">ok</a>",
        "<style>body{background:url(javascript:alert(1))}</style><p>x</p>",
        "<p style=\"background:url(javascript:alert(1)); width: expression(alert(1))\">x</p>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<svg onload=alert(1)><circle r=\"1\"/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<body onload=alert(1)>x</body>",
        "<div onclick=\"alert(1)\" onmouseover=\"alert(1)\">x</div>",
        "<details open ontoggle=alert(1)>x</details>",
        "<input onfocus=alert(1) autofocus>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">go</button></form>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\"><a href=\"x\">rel</a>",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"https://ok.example/\"><script>alert(1)</script>x</a>",
        "<table><tr><td background=\"javascript:alert(1)\" onmouseover=\"alert(1)\">c</td></tr></table>",
        "<pre><script>alert(1)</script>code</pre>",
        "<ul><li onclick=alert(1)><a href=\"javascript:void(0)\">x</a></li></ul>",
        "<img src=\"https://ok.example/a.png\" alt=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">",
    };

    [Theory]
    [MemberData(nameof(HostileHtml))]
    public void HtmlToAdf_KeepsNothingActive(string html)
    {
        var adf = _toAdf.Convert(html);

        AdfAssert.Valid(adf);
        foreach (var node in AdfAssert.Descendants(adf))
        {
            if (AdfNodes_Type(node) == "link")
            {
                node["attrs"]!["href"]!.GetValue<string>().Should().MatchRegex("^(https?://|mailto:)");
            }
        }

        // Attributes are the only place ADF carries anything a renderer acts on.
        foreach (var attrs in AdfAssert.Descendants(adf).Select(n => n["attrs"]).OfType<JsonObject>())
        {
            var text = attrs.ToJsonString();
            text.Should().NotContainEquivalentOf("javascript:").And.NotContainEquivalentOf("onerror").And.NotContain("<");
        }

        // Script bodies are never copied as text (only what a browser shows as text or image description is kept).
        if (!BrowserVisibleText(html).Contains("alert(1)", StringComparison.Ordinal))
        {
            AdfText.ToPlainText(adf).Should().NotContain("alert(1)");
        }
    }

    private static string BrowserVisibleText(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script,style,iframe,noscript,template,svg,math,textarea,title,object,embed,button,select").ToList())
        {
            element.Remove();
        }

        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            image.Replace(document.CreateTextNode(image.GetAttribute("alt") ?? string.Empty));
        }

        return document.Body?.TextContent ?? string.Empty;
    }

    [Theory]
    [MemberData(nameof(HostileHtml))]
    public void HtmlToAdfToHtml_IsSafe(string html)
    {
        AdfAssert.SafeHtml(_toHtml.Convert(_toAdf.Convert(html)));
    }

    [Theory]
    [MemberData(nameof(HostileHtml))]
    public void SafeHtml_Sanitize_IsSafe(string html)
    {
        AdfAssert.SafeHtml(SafeHtml.Sanitize(html));
    }

    public static TheoryData<string> HostileAdf()
    {
        var data = new TheoryData<string>();
        void Add(JsonNode doc) => data.Add(doc.ToJsonString());

        Add(Doc(P(T("<script>alert(1)</script>"))));
        Add(Doc(P(T("<img src=x onerror=alert(1)>", "strong"))));
        Add(Doc(P(Link("x", "javascript:alert(1)"))));
        Add(Doc(P(Link("x", " JAVASCRIPT:alert(1)"))));
        Add(Doc(P(Link("x", "https://ok.example/\" onmouseover=\"alert(1)"))));
        Add(Doc(P(Link("x", "data:text/html,<script>alert(1)</script>"))));
        Add(Doc(Code("</code></pre><script>alert(1)</script>", "x\" onmouseover=\"alert(1)")));
        Add(Doc(P(Inline("mention", new JsonObject { ["id"] = "1", ["text"] = "<img src=x onerror=alert(1)>" }))));
        Add(Doc(P(Inline("emoji", new JsonObject { ["shortName"] = "<svg onload=alert(1)>" }))));
        Add(Doc(P(Inline("status", new JsonObject { ["text"] = "<script>alert(1)</script>", ["color"] = "red" }))));
        Add(Doc(P(Inline("date", new JsonObject { ["timestamp"] = "<script>" }))));
        Add(Doc(P(Inline("inlineCard", new JsonObject { ["url"] = "javascript:alert(1)" }))));
        Add(Doc(Inline("blockCard", new JsonObject { ["url"] = "javascript:alert(1)", ["data"] = new JsonObject { ["name"] = "<script>" } })));
        Add(Doc(Node("mediaSingle", null, Inline("media", new JsonObject { ["type"] = "file", ["id"] = "1", ["collection"] = "c", ["alt"] = "\"><script>alert(1)</script>" }))));
        Add(Doc(Node("panel", new JsonObject { ["panelType"] = "<script>" }, P(T("x")))));
        Add(Doc(Node("expand", new JsonObject { ["title"] = "<iframe src=javascript:alert(1)>" }, P(T("x")))));
        Add(Doc(new JsonObject { ["type"] = "heading", ["attrs"] = new JsonObject { ["level"] = "<script>" }, ["content"] = new JsonArray(T("h")) }));
        Add(Doc(new JsonObject { ["type"] = "orderedList", ["attrs"] = new JsonObject { ["order"] = "1\"><script>alert(1)</script>" }, ["content"] = new JsonArray(Li(P(T("x")))) }));
        Add(Doc(Table(Tr(Node("tableCell", new JsonObject { ["colspan"] = "2\" onclick=\"alert(1)" }, P(T("c")))))));
        Add(Doc(new JsonObject { ["type"] = "<script>alert(1)</script>", ["text"] = "<b>unknown</b>" }));
        Add(Doc(new JsonObject { ["type"] = "bodiedExtension", ["content"] = new JsonArray(P(T("<style>x</style>"))) }));
        Add(Doc(P(new JsonObject
        {
            ["type"] = "text", ["text"] = "t",
            ["marks"] = new JsonArray(
                new JsonObject { ["type"] = "textColor", ["attrs"] = new JsonObject { ["color"] = "red;background:url(javascript:alert(1))" } },
                new JsonObject { ["type"] = "<script>" }),
        })));
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileAdf))]
    public void AdfToHtml_KeepsNothingActive(string adfJson)
    {
        var html = _toHtml.Convert(JsonNode.Parse(adfJson));

        AdfAssert.SafeHtml(html);
        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("<svg").And.NotContain("<iframe");
    }

    private static string? AdfNodes_Type(JsonObject node) =>
        node.TryGetPropertyValue("type", out var type) && type is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
