using ZohoJira.Core.Jira.Adf;

namespace ZohoJira.Tests.Core.Jira.Adf;

public class SafeHtmlTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "formatting kept", "<p><b>b</b> <i>i</i> <u>u</u> <strike>s</strike></p>", "<p><b>b</b> <i>i</i> <u>u</u> <s>s</s></p>" },
        { "zoho div lines kept", "<div>a</div><div><br></div><div>b</div>", "<div>a</div><div><br></div><div>b</div>" },
        { "text encoded", "<p>a &lt; b &amp; \"c\"</p>", "<p>a &lt; b &amp; &quot;c&quot;</p>" },
        { "link gets safe attributes", "<a href=\"https://e.com/x?a=1&amp;b=2\" class=\"c\" style=\"color:red\">e</a>",
            "<a href=\"https://e.com/x?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">e</a>" },
        { "unsafe link loses href", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>" },
        { "image kept with safe src", "<img src=\"https://e.com/a.png\" alt=\"A\" width=\"10\" onerror=\"x\">", "<img src=\"https://e.com/a.png\" alt=\"A\" width=\"10\">" },
        { "image with unsafe src becomes text", "<img src=\"data:image/png;base64,AA\" alt=\"pic\">", "[image: pic]" },
        { "table spans kept", "<table><tr><td colspan=\"2\" bgcolor=\"red\">c</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>" },
        { "ordered list start kept", "<ol start=\"3\" type=\"a\"><li>x</li></ol>", "<ol start=\"3\"><li>x</li></ol>" },
        { "font becomes span", "<font color=\"red\" face=\"Arial\">x</font>", "<span>x</span>" },
        { "unknown element unwrapped", "<custom-el data-x=\"1\">hello</custom-el>", "hello" },
        { "script dropped with content", "<p>a<script>alert(1)</script>b</p>", "<p>ab</p>" },
        { "style dropped", "<style>p{}</style><p>x</p>", "<p>x</p>" },
        { "event handlers dropped", "<div onclick=\"alert(1)\">x</div>", "<div>x</div>" },
        { "iframe dropped", "<iframe src=\"https://e.com\">f</iframe>x", "x" },
        { "svg dropped", "<svg onload=\"alert(1)\"><text>t</text></svg>x", "x" },
        { "pre whitespace kept", "<pre>a\n  b</pre>", "<pre>a\n  b</pre>" },
        { "empty", "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sanitize_KeepsAllowListOnly(string name, string html, string expected)
    {
        _ = name;
        var result = SafeHtml.Sanitize(html);

        result.Should().Be(expected);
        AdfAssert.SafeHtml(result);
    }

    [Theory]
    [InlineData("<a href=\"/browse/A-1\">A-1</a>", "<a href=\"https://acme.atlassian.net/browse/A-1\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">A-1</a>")]
    [InlineData("<img src=\"/secure/attachment/10001/a.png\" alt=\"a\">", "<img src=\"https://acme.atlassian.net/secure/attachment/10001/a.png\" alt=\"a\">")]
    [InlineData("<a href=\"//evil.example/x\">x</a>", "<a href=\"https://evil.example/x\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    public void Sanitize_WithBaseUrl_ResolvesRelativeAddresses(string html, string expected)
    {
        var result = SafeHtml.Sanitize(html, new Uri("https://acme.atlassian.net/"));

        result.Should().Be(expected);
        AdfAssert.SafeHtml(result);
    }

    [Fact]
    public void Sanitize_IsIdempotent()
    {
        const string html = "<div>Hi <b>team</b>,</div><ul><li><a href=\"https://e.com\">x</a></li></ul><img src=\"https://e.com/a.png\" alt=\"a\">";
        var once = SafeHtml.Sanitize(html);

        SafeHtml.Sanitize(once).Should().Be(once);
    }
}
