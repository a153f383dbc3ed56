using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Adf;
using static ZohoJira.Tests.Core.Jira.Adf.AdfBuild;

namespace ZohoJira.Tests.Core.Jira.Adf;

public class AdfTextTests
{
    private const string MarkerStart = "… [truncated by ZohoJira: ";

    public static TheoryData<string, string, string> PlainTextCases()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string name, JsonNode adf, string text) => data.Add(name, adf.ToJsonString(), text);

        Add("paragraphs and breaks", Doc(P(T("a"), Br(), T("b")), P(T("c", "strong"))), "a\nb\nc");
        Add("heading and list", Doc(H(1, T("T")), Ul(Li(P(T("one")), Ul(Li(P(T("two"))))))), "T\none\ntwo");
        Add("table rows", Doc(Table(Tr(Th(P(T("k"))), Th(P(T("v")))), Tr(Td(P(T("a"))), Td(P(T("b")))))), "k | v\na | b");
        Add("code block", Doc(Code("x = 1\ny = 2")), "x = 1\ny = 2");
        Add("readable inline nodes", Doc(P(
            Inline("mention", new JsonObject { ["id"] = "1", ["text"] = "@Jane" }), T(" "),
            Inline("emoji", new JsonObject { ["shortName"] = ":smile:" }), T(" "),
            Inline("status", new JsonObject { ["text"] = "DONE", ["color"] = "green" }), T(" "),
            Inline("date", new JsonObject { ["timestamp"] = "1704067200000" }))), "@Jane :smile: [DONE] 2024-01-01");
        Add("media", Doc(Node("mediaGroup", null, Inline("media", new JsonObject { ["type"] = "file", ["id"] = "1", ["collection"] = "c", ["alt"] = "a.pdf" }))),
            "[attachment: a.pdf]");
        Add("tasks", Doc(Node("taskList", null, Node("taskItem", new JsonObject { ["state"] = "DONE" }, T("x")))), "[x] x");
        Add("unknown nodes give text", Doc(Node("layoutSection", null, Node("layoutColumn", null, P(T("col"))))), "col");
        Add("empty", Doc(), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(PlainTextCases))]
    public void ToPlainText_ReadsLikeTheDocument(string name, string adfJson, string expected)
    {
        _ = name;
        AdfText.ToPlainText(JsonNode.Parse(adfJson)).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "{\"type\":\"doc\",\"version\":1,\"content\":[]}")]
    [InlineData("one", "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"one\"}]}]}")]
    [InlineData("a\r\nb\n\n\n<c>", "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"hardBreak\"},{\"type\":\"text\",\"text\":\"b\"}]},{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"<c>\"}]}]}")]
    public void FromPlainText_MakesParagraphsAndBreaks(string text, string expectedJson)
    {
        var doc = AdfText.FromPlainText(text);

        AdfAssert.Equal(JsonNode.Parse(expectedJson)!, doc);
        AdfAssert.Valid(doc);
    }

    [Fact]
    public void MeasureLength_IsCompactJsonWithNonAsciiCountedOnce()
    {
        var ascii = Doc(P(T("e")));
        var accented = Doc(P(T("é")));

        AdfText.MeasureLength(ascii).Should().Be(ascii.ToJsonString().Length);
        AdfText.MeasureLength(accented).Should().Be(AdfText.MeasureLength(ascii));
        AdfText.MeasureLength(Doc(P(T("\"")))).Should().Be(AdfText.MeasureLength(ascii) + 1, "a quote is escaped as two characters");
    }

    [Fact]
    public void FitToLimit_SmallDocument_IsUnchangedCopy()
    {
        var doc = Doc(P(T("short")));

        var result = AdfText.FitToLimit(doc);

        result.Truncated.Should().BeFalse();
        result.OmittedCharacters.Should().Be(0);
        AdfAssert.Equal(doc, result.Document);
        result.Document.Should().NotBeSameAs(doc);
        result.Length.Should().Be(AdfText.MeasureLength(doc));
    }

    public static TheoryData<string, string> LongDocuments()
    {
        var data = new TheoryData<string, string>();
        var words = string.Join(' ', Enumerable.Range(0, 12_000).Select(i => $"w{i}"));
        data.Add("one huge paragraph", Doc(P(T(words))).ToJsonString());
        data.Add("many paragraphs", Doc(Enumerable.Range(0, 3_000).Select(i => (JsonNode)P(T($"Paragraph {i} "), T("bold", "strong"))).ToArray()).ToJsonString());
        data.Add("escaped characters", Doc(P(T(string.Concat(Enumerable.Repeat("\"quoted\\path\"\t", 5_000))))).ToJsonString());
        data.Add("emoji and CJK", Doc(P(T(string.Concat(Enumerable.Repeat("😀漢字テスト ", 8_000))))).ToJsonString());
        data.Add("long list", Doc(Ul(Enumerable.Range(0, 2_000).Select(i => (JsonNode)Li(P(T($"item {i}")), Ul(Li(P(T("sub")))))).ToArray())).ToJsonString());
        data.Add("long table", Doc(Table(Enumerable.Range(0, 1_000).Select(i => (JsonNode)Tr(Td(P(T($"r{i}"))), Td(P(T("value"))))).ToArray())).ToJsonString());
        data.Add("long code block", Doc(Code(string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"line {i};")))).ToJsonString());
        data.Add("quote with list", Doc(Quote(Ul(Enumerable.Range(0, 3_000).Select(i => (JsonNode)Li(P(T($"quoted item {i}")))).ToArray()))).ToJsonString());
        return data;
    }

    [Theory]
    [MemberData(nameof(LongDocuments))]
    public void FitToLimit_LongDocument_IsCutVisiblyWithinTheLimit(string name, string adfJson)
    {
        _ = name;
        var doc = (JsonObject)JsonNode.Parse(adfJson)!;
        var original = doc.ToJsonString();

        var result = AdfText.FitToLimit(doc);

        result.Truncated.Should().BeTrue();
        result.Length.Should().BeLessThanOrEqualTo(AdfText.DefaultBudget);
        result.Length.Should().Be(AdfText.MeasureLength(result.Document));
        result.Length.Should().BeGreaterThan(AdfText.DefaultBudget - 2_000, "the cut keeps as much as fits");
        AdfAssert.Valid(result.Document);
        doc.ToJsonString().Should().Be(original, "the input is not changed");

        var blocks = result.Document["content"]!.AsArray();
        var marker = AdfText.ToPlainText(blocks[^1]);
        marker.Should().Be(AdfText.TruncationMarker(result.OmittedCharacters)).And.StartWith(MarkerStart);

        var keptText = AdfText.ToPlainText(new JsonArray(blocks.Take(blocks.Count - 1).Select(b => b!.DeepClone()).ToArray()));
        result.OmittedCharacters.Should().Be(AdfText.ToPlainText(doc).Length - keptText.Length);
        result.OmittedCharacters.Should().BeGreaterThan(0);
        keptText.Should().NotEndWith("\uD83D", "surrogate pairs are never split");
    }

    [Fact]
    public void FitToLimit_Table_KeepsWholeRows()
    {
        var doc = Doc(Table(Enumerable.Range(0, 1_000).Select(i => (JsonNode)Tr(Td(P(T($"r{i}"))), Td(P(T("value"))))).ToArray()));

        var result = AdfText.FitToLimit(doc, 2_000);

        var table = result.Document["content"]![0]!;
        table["type"]!.GetValue<string>().Should().Be("table");
        table["content"]!.AsArray().Should().OnlyContain(row => row!["content"]!.AsArray().Count == 2);
        result.Length.Should().BeLessThanOrEqualTo(2_000);
    }

    [Fact]
    public void FitToLimit_JiraLimit_AcceptsTheExactLimit()
    {
        var doc = Doc(P(T(new string('x', 40_000))));

        var result = AdfText.FitToLimit(doc, AdfText.JiraMaxLength);

        result.Length.Should().BeLessThanOrEqualTo(AdfText.JiraMaxLength);
        AdfText.ToPlainText(result.Document).Should().EndWith("characters omitted]");
    }

    [Fact]
    public void FitToLimit_TooSmallBudget_Throws()
    {
        var act = () => AdfText.FitToLimit(Doc(), AdfText.MinimumBudget - 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void FitToLimit_ConvertedZohoHtml_FitsAndStaysValid()
    {
        var html = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<div>Line {i} <b>bold</b> <a href=\"https://e.com/{i}\">link</a></div><div><br></div>"));
        var doc = new HtmlToAdfConverter().Convert(html);

        var result = AdfText.FitToLimit(doc);

        AdfAssert.Valid(result.Document);
        result.Length.Should().BeLessThanOrEqualTo(AdfText.DefaultBudget);
        new AdfToHtmlConverter().Convert(result.Document).Should().Contain("[truncated by ZohoJira:");
    }
}
