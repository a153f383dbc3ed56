using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

public class HtmlToAdfConverterTests
{
    private readonly HtmlToAdfConverter _converter = new();

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string name, string html, JsonObject expected) => data.Add(name, html, expected.ToJsonString());

        // Paragraphs, whitespace and breaks
        Add("paragraph", "<p>Hello world</p>", Doc(P(T("Hello world"))));
        Add("whitespace collapses like a browser", "<p>  Hello \n\t  world  </p>", Doc(P(T("Hello world"))));
        Add("whitespace across marks collapses once", "<p>a <b> b </b> c</p>", Doc(P(T("a "), T("b ", "strong"), T("c"))));
        Add("inline content at top level is wrapped", "Hello <b>bold</b>", Doc(P(T("Hello "), T("bold", "strong"))));
        Add("br becomes hardBreak", "<p>a<br>b</p>", Doc(P(T("a"), Br(), T("b"))));
        Add("spaces around br are trimmed", "<p>a <br> b</p>", Doc(P(T("a"), Br(), T("b"))));
        Add("leading and trailing br are dropped", "<p><br>a<br><br></p>", Doc(P(T("a"))));
        Add("two paragraphs", "<p>one</p><p>two</p>", Doc(P(T("one")), P(T("two"))));
        Add("empty paragraphs are dropped", "<p></p><p> </p><p><br></p><p>x</p>", Doc(P(T("x"))));
        Add("entities are decoded", "<p>&lt;tag&gt; &amp; &quot;q&quot; &#169;</p>", Doc(P(T("<tag> & \"q\" ©"))));
        Add("non-breaking spaces are kept inside text", "<p>a&nbsp;&nbsp;b</p>", Doc(P(T("a\u00A0\u00A0b"))));
        Add("zero-width spaces are dropped", "<div>&#8203;</div><div>a&#8203;b&#xFEFF;</div>", Doc(P(T("ab"))));
        Add("comments are dropped", "<p>a<!-- hidden -->b</p>", Doc(P(T("ab"))));
        Add("empty input", "", Doc());
        Add("whitespace-only input", "  \n ", Doc());

        // Zoho's editor idiom: one div per line, <div><br></div> for a blank line
        Add("zoho div lines", "<div>line one</div><div><br></div><div>line two</div>", Doc(P(T("line one")), P(T("line two"))));
        Add("zoho adjacent div lines", "<div>first</div><div>second</div>", Doc(P(T("first")), P(T("second"))));
        Add("zoho blank divs only", "<div><br></div><div><br></div>", Doc());
        Add("zoho nbsp div", "<div>&nbsp;</div><div>x</div>", Doc(P(T("x"))));
        Add("zoho div with inner breaks", "<div>a<br>b</div><div><br></div><div><br></div>", Doc(P(T("a"), Br(), T("b"))));
        Add("zoho wrapper div", "<div style=\"font-family: Verdana\"><div>Hi team,</div><div><br></div><div>Thanks</div></div>",
            Doc(P(T("Hi team,")), P(T("Thanks"))));
        Add("nested divs split text", "<div>a<div>b</div>c</div>", Doc(P(T("a")), P(T("b")), P(T("c"))));
        Add("blocks inside an inline element", "<span><div>a</div><div>b</div></span>", Doc(P(T("a")), P(T("b"))));
        Add("font inside div", "<div><font color=\"red\" face=\"Arial\">x</font></div>", Doc(P(T("x"))));
        Add("unknown elements give their text", "<custom-tag>hello <span>there</span></custom-tag>", Doc(P(T("hello there"))));
        Add("section and article are blocks", "<section>a</section><article>b</article>", Doc(P(T("a")), P(T("b"))));

        // Headings
        Add("h1", "<h1>Title</h1>", Doc(H(1, T("Title"))));
        Add("h3 with marks", "<h3>Sub <i>title</i></h3>", Doc(H(3, T("Sub "), T("title", "em"))));
        Add("h6", "<h6>x</h6>", Doc(H(6, T("x"))));
        Add("empty heading dropped", "<h2> </h2>", Doc());
        Add("heading with inner blocks", "<h2><div>a</div><div>b</div></h2>", Doc(H(2, T("a"), Br(), T("b"))));

        // Marks
        Add("all simple marks", "<p><b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><s>s</s><strike>k</strike><del>d</del><code>c</code></p>",
            Doc(P(T("bs", "strong"), T("ie", "em"), T("u", "underline"), T("skd", "strike"), T("c", "code"))));
        Add("nested marks", "<p><b>bold <i>both</i></b></p>", Doc(P(T("bold ", "strong"), T("both", "strong", "em"))));
        Add("repeated mark once", "<p><b><strong>x</strong></b></p>", Doc(P(T("x", "strong"))));
        Add("marks merge across elements", "<p><b>a</b><b>b</b></p>", Doc(P(T("ab", "strong"))));
        Add("code excludes other marks", "<p><b><i><code>x</code></i></b></p>", Doc(P(T("x", "code"))));
        Add("kbd and tt are code", "<p><kbd>Ctrl</kbd> <tt>t</tt></p>", Doc(P(T("Ctrl", "code"), T(" "), T("t", "code"))));
        Add("style marks", "<span style=\"font-weight:bold\">b</span><span style=\"font-style: italic\">i</span><span style=\"text-decoration: underline line-through\">u</span>",
            Doc(P(T("b", "strong"), T("i", "em"), T("u", "underline", "strike"))));
        Add("numeric bold weight", "<span style=\"font-weight: 700\">b</span>", Doc(P(T("b", "strong"))));
        Add("sub and sup", "<p>H<sub>2</sub>O x<sup>2</sup></p>", Doc(P(T("H"), T("2", "sub"), T("O x"), T("2", "sup"))));

        // Links
        Add("link", "<a href=\"https://example.com/a?b=1\">site</a>", Doc(P(Link("site", "https://example.com/a?b=1"))));
        Add("mailto link", "<a href=\"mailto:jane@example.com\">mail</a>", Doc(P(Link("mail", "mailto:jane@example.com"))));
        Add("http link with bold part", "<a href=\"http://e.com\"><b>x</b> y</a>", Doc(P(Link("x", "http://e.com", "strong"), Link(" y", "http://e.com"))));
        Add("javascript link keeps text only", "<a href=\"javascript:alert(1)\">click</a>", Doc(P(T("click"))));
        Add("relative link keeps text only", "<a href=\"/tickets/1\">rel</a>", Doc(P(T("rel"))));
        Add("ftp link keeps text only", "<a href=\"ftp://files.example.com\">ftp</a>", Doc(P(T("ftp"))));
        Add("empty link shows its address", "<a href=\"https://example.com/x\"></a>", Doc(P(Link("https://example.com/x", "https://example.com/x"))));
        Add("link title kept", "<a href=\"https://e.com\" title=\"Home\">e</a>",
            Doc(P(new JsonObject
            {
                ["type"] = "text", ["text"] = "e",
                ["marks"] = new JsonArray(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = "https://e.com", ["title"] = "Home" } }),
            })));

        // Lists
        Add("bullet list", "<ul><li>one</li><li>two</li></ul>", Doc(Ul(Li(P(T("one"))), Li(P(T("two"))))));
        Add("ordered list", "<ol><li>a</li><li>b</li></ol>", Doc(Ol(Li(P(T("a"))), Li(P(T("b"))))));
        Add("ordered list start", "<ol start=\"3\"><li>a</li></ol>", Doc(OlFrom(3, Li(P(T("a"))))));
        Add("nested list", "<ul><li>a<ul><li>b</li></ul></li></ul>", Doc(Ul(Li(P(T("a")), Ul(Li(P(T("b"))))))));
        Add("nested ordered in bullet", "<ul><li>a<ol><li>b</li></ol></li></ul>", Doc(Ul(Li(P(T("a")), Ol(Li(P(T("b"))))))));
        Add("list nested as a sibling", "<ul><li>a</li><ul><li>b</li></ul></ul>", Doc(Ul(Li(P(T("a")), Ul(Li(P(T("b"))))))));
        Add("item holding only a list gets an empty paragraph", "<ul><li><ol><li>x</li></ol></li></ul>", Doc(Ul(Li(P(), Ol(Li(P(T("x"))))))));
        Add("item with paragraphs", "<ul><li><p>a</p><p>b</p></li></ul>", Doc(Ul(Li(P(T("a")), P(T("b"))))));
        Add("heading in item becomes paragraph", "<ul><li><h2>a</h2></li></ul>", Doc(Ul(Li(P(T("a"))))));
        Add("empty items are dropped", "<ul><li></li><li>x</li><li> </li></ul>", Doc(Ul(Li(P(T("x"))))));
        Add("empty list dropped", "<ul><li></li></ul>", Doc());
        Add("text outside items becomes an item", "<ul>stray<li>x</li></ul>", Doc(Ul(Li(P(T("stray"))), Li(P(T("x"))))));
        Add("list item marks", "<ul><li><b>bold</b> item</li></ul>", Doc(Ul(Li(P(T("bold", "strong"), T(" item"))))));

        // Quotes and code
        Add("blockquote", "<blockquote>quoted <b>text</b></blockquote>", Doc(Quote(P(T("quoted "), T("text", "strong")))));
        Add("blockquote with paragraphs and list", "<blockquote><p>a</p><ul><li>b</li></ul></blockquote>", Doc(Quote(P(T("a")), Ul(Li(P(T("b")))))));
        Add("nested blockquote flattened", "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>", Doc(Quote(P(T("a")), P(T("b")))));
        Add("heading in blockquote becomes paragraph", "<blockquote><h1>t</h1></blockquote>", Doc(Quote(P(T("t")))));
        Add("pre keeps whitespace", "<pre>line1\n  line2</pre>", Doc(Code("line1\n  line2")));
        Add("pre code with language", "<pre><code class=\"language-csharp\">var x = 1;</code></pre>", Doc(Code("var x = 1;", "csharp")));
        Add("pre with br", "<pre>a<br>b</pre>", Doc(Code("a\nb")));
        Add("pre drops markup but keeps text", "<pre><b>bold</b> &lt;tag&gt;</pre>", Doc(Code("bold <tag>")));
        Add("empty pre dropped", "<pre>   </pre>", Doc());
        Add("hr", "<p>a</p><hr><p>b</p>", Doc(P(T("a")), Rule(), P(T("b"))));

        // Tables
        Add("table", "<table><tr><th>H1</th><th>H2</th></tr><tr><td>a</td><td><b>b</b></td></tr></table>",
            Doc(Table(Tr(Th(P(T("H1"))), Th(P(T("H2")))), Tr(Td(P(T("a"))), Td(P(T("b", "strong")))))));
        Add("table sections", "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
            Doc(Table(Tr(Th(P(T("h")))), Tr(Td(P(T("d")))))));
        Add("empty cell and colspan", "<table><tr><td colspan=\"2\"></td></tr></table>",
            Doc(Table(Tr(Node("tableCell", new JsonObject { ["colspan"] = 2 }, P())))));
        Add("cell with list", "<table><tr><td><ul><li>x</li></ul></td></tr></table>", Doc(Table(Tr(Td(Ul(Li(P(T("x")))))))));
        Add("nested table becomes row text", "<table><tr><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>",
            Doc(Table(Tr(Td(P(T("x"), T(" | "), T("y")))))));
        Add("table caption", "<table><caption>Cap</caption><tr><td>x</td></tr></table>", Doc(P(T("Cap")), Table(Tr(Td(P(T("x")))))));
        Add("empty table dropped", "<table></table>", Doc());

        // Images
        Add("image with alt and link", "<img src=\"https://desk.zoho.eu/img/logo.png\" alt=\"Logo\">",
            Doc(P(Link("[image: Logo]", "https://desk.zoho.eu/img/logo.png"))));
        Add("image named by file", "<p>see <img src=\"https://x.example/files/screen%20shot.png\"></p>",
            Doc(P(T("see "), Link("[image: screen shot.png]", "https://x.example/files/screen%20shot.png"))));
        Add("data image without link", "<img src=\"data:image/png;base64,AAAA\">", Doc(P(T("[image: image]"))));
        Add("image inside link keeps the link", "<a href=\"https://e.com/page\"><img src=\"https://e.com/i.png\" alt=\"pic\"></a>",
            Doc(P(Link("[image: pic]", "https://e.com/page"))));

        // Dropped content
        Add("script and style dropped", "<p>a<script>alert(1)</script>b</p><style>p{color:red}</style>", Doc(P(T("ab"))));
        Add("iframe dropped", "<iframe src=\"https://evil.example\">fallback</iframe><p>x</p>", Doc(P(T("x"))));
        Add("form controls dropped", "<form><input value=\"v\"><textarea>t</textarea><button>b</button>label</form>", Doc(P(T("label"))));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convert_ProducesExpectedAdf(string name, string html, string expectedJson)
    {
        _ = name;
        var actual = _converter.Convert(html);

        AdfAssert.Equal(JsonNode.Parse(expectedJson)!, actual);
        AdfAssert.Valid(actual);
    }

    [Fact]
    public void Convert_Null_GivesEmptyDocument()
    {
        AdfAssert.Equal(Doc(), _converter.Convert(null));
    }

    [Fact]
    public void Convert_VeryDeepHtml_DoesNotOverflowAndKeepsText()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 1_000)) + "deep<script>alert(1)</script> text"
            + string.Concat(Enumerable.Repeat("</span></div>", 1_000));

        var doc = _converter.Convert(html);

        AdfAssert.Valid(doc);
        AdfText.ToPlainText(doc).Should().Be("deep text");
        SafeHtml.Sanitize(html).Should().Contain("deep text").And.NotContain("alert");
    }

    [Fact]
    public void Convert_VeryDeepLists_StayWithinJsonDepthLimits()
    {
        var html = string.Concat(Enumerable.Range(0, 30).Select(i => $"<ul><li>level {i}")) + string.Concat(Enumerable.Repeat("</li></ul>", 30));

        var doc = _converter.Convert(html);

        AdfAssert.Valid(doc);
        var act = () => JsonNode.Parse(doc.ToJsonString());
        act.Should().NotThrow("the default reader depth of 64 must be enough for any converted document");
        AdfText.ToPlainText(doc).Should().Contain("level 0").And.Contain("level 29");
    }

    [Fact]
    public void Convert_LargeZohoThread_IsValidAdf()
    {
        var html = string.Concat(Enumerable.Range(0, 200).Select(i =>
            $"<div>Line {i} with <b>bold</b> and <a href=\"https://e.com/{i}\">link</a></div><div><br></div>"
            + (i % 10 == 0 ? "<ul><li>item<ul><li>sub</li></ul></li></ul><table><tr><td>c</td></tr></table>" : string.Empty)));

        var doc = _converter.Convert(html);

        AdfAssert.Valid(doc);
        AdfText.ToPlainText(doc).Should().Contain("Line 199 with bold and link");
    }
}
