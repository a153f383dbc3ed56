using System.Text.Json.Nodes;
using ZohoJira.Sandbox.SandboxConsole;

namespace ZohoJira.Tests.Web.Sandbox.Console;

/// <summary>What the console sends for what a person typed or chose.</summary>
public sealed class ConsoleValuesTests
{
    private static JiraConsoleField Field(JiraConsoleFieldKind kind) => new("f", "F", kind, false, [], null);

    [Fact]
    public void ZohoChangeBody_PutsCustomFieldsInsideCf_AndAnEmptyValueClears()
    {
        var body = ZohoConsole.ChangeBody(new Dictionary<string, string?> { ["priority"] = "High", ["cf_severity"] = "S2", ["assigneeId"] = "" });

        body.ToJsonString().Should().Be("""{"priority":"High","cf":{"cf_severity":"S2"},"assigneeId":null}""");
    }

    [Theory]
    [InlineData(JiraConsoleFieldKind.Choice, "3", """{"id":"3"}""")]
    [InlineData(JiraConsoleFieldKind.User, "abc", """{"accountId":"abc"}""")]
    [InlineData(JiraConsoleFieldKind.Labels, "a, b c", """["a","b","c"]""")]
    [InlineData(JiraConsoleFieldKind.Labels, "", "[]")]
    [InlineData(JiraConsoleFieldKind.Number, "2.5", "2.5")]
    [InlineData(JiraConsoleFieldKind.Text, "hello", "\"hello\"")]
    [InlineData(JiraConsoleFieldKind.Date, "2026-12-03", "\"2026-12-03\"")]
    public void JiraToValue_GivesTheShapeTheRestApiTakes(JiraConsoleFieldKind kind, string input, string expected) =>
        JiraConsole.ToValue(Field(kind), input)!.ToJsonString().Should().Be(expected);

    [Fact]
    public void JiraToValue_EmptyClearsAField() => JiraConsole.ToValue(Field(JiraConsoleFieldKind.Choice), " ").Should().BeNull();

    [Fact]
    public void JiraDocument_OneParagraphPerLine_BoldLinesStrong()
    {
        var doc = JiraConsole.Document("First\r\n\r\n**Second**");

        var paragraphs = doc["content"]!.AsArray();
        paragraphs.Should().HaveCount(2);
        paragraphs[0]!["content"]![0]!["text"]!.GetValue<string>().Should().Be("First");
        paragraphs[1]!["content"]![0]!["text"]!.GetValue<string>().Should().Be("Second");
        paragraphs[1]!["content"]![0]!["marks"]![0]!["type"]!.GetValue<string>().Should().Be("strong");
        ((JsonObject)doc)["type"]!.GetValue<string>().Should().Be("doc");
    }
}
