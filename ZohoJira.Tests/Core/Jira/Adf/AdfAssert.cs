using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ZohoJira.Core.Jira.Adf;

namespace ZohoJira.Tests.Core.Jira.Adf;

internal static class AdfAssert
{
    private static readonly HashSet<string> SafeTags = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins",
        "sub", "sup", "code", "pre", "kbd", "samp", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img",
        "small", "big", "mark", "abbr", "q", "cite",
    };

    private static readonly HashSet<string> SafeAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "rel", "target", "colspan", "rowspan", "start", "width", "height", "class",
    };

    public static void Equal(JsonNode expected, JsonNode actual)
    {
        var expectedJson = expected.ToJsonString();
        var actualJson = actual.ToJsonString();
        JsonNode.DeepEquals(expected, actual).Should().BeTrue($"expected {expectedJson}{Environment.NewLine}but got  {actualJson}");
    }

    public static void Valid(JsonNode document)
    {
        var result = AdfValidator.Validate(document);
        result.IsValid.Should().BeTrue($"the document must be valid ADF: {result} in {document.ToJsonString()}");
    }

    /// <summary>Parses HTML like a browser and checks that nothing active survives.</summary>
    public static void SafeHtml(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        document.Head!.ChildNodes.Length.Should().Be(0, $"nothing may land in <head>: {html}");
        foreach (var element in document.All)
        {
            SafeTags.Should().Contain(element.LocalName, $"only safe tags may appear in: {html}");
            foreach (var attribute in element.Attributes)
            {
                SafeAttributes.Should().Contain(attribute.Name, $"only safe attributes may appear in: {html}");
                if (attribute.Name is "href" or "src")
                {
                    attribute.Value.Should().MatchRegex("^(https?://|mailto:)", $"links must be web or mail links in: {html}");
                }

                if (attribute.Name == "class")
                {
                    attribute.Value.Should().MatchRegex("^language-[a-z0-9+#._-]+$");
                }
            }
        }
    }

    public static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var property in obj)
            {
                if (property.Value is not null)
                {
                    foreach (var d in Descendants(property.Value))
                    {
                        yield return d;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    foreach (var d in Descendants(item))
                    {
                        yield return d;
                    }
                }
            }
        }
    }
}
