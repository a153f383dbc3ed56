using System.Text.Json;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

public sealed class OpenApiSchemaWalkerTests
{
    private static readonly JsonElement Document = JsonDocument.Parse("""
        {"components":{"schemas":{
          "User":{"type":"object","additionalProperties":false,"required":["accountId"],
            "properties":{"accountId":{"type":"string"},"self":{"type":"string","readOnly":true},"active":{"type":"boolean"},
                          "kind":{"type":"string","enum":["atlassian","app"]},"groups":{"type":"array","items":{"$ref":"#/components/schemas/Group"}}}},
          "Group":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}},"additionalProperties":{"type":"integer"}},
          "Either":{"oneOf":[{"type":"string"},{"type":"integer"}]},
          "Any":{"anyOf":[{"type":"string"},{"type":"boolean"}]},
          "Both":{"allOf":[{"$ref":"#/components/schemas/Group"},{"required":["size"]}]}
        }}}
        """).RootElement;

    private readonly OpenApiSchemaWalker _walker = new(Document);

    [Theory]
    [InlineData("User", """{"accountId":"a","active":true,"kind":"app","groups":[{"name":"x","extra":3}]}""")]
    [InlineData("Either", "\"text\"")]
    [InlineData("Either", "5")]
    [InlineData("Any", "true")]
    [InlineData("Both", """{"name":"g","size":2}""")]
    public void Validate_ConformingInstances_HaveNoErrors(string schema, string json) =>
        _walker.Validate(JsonDocument.Parse(json).RootElement, Ref(schema), OpenApiSchemaWalker.Direction.Response).Should().BeEmpty();

    [Theory]
    [InlineData("User", """{"active":true}""", "required member 'accountId'")]
    [InlineData("User", """{"accountId":"a","nickname":"x"}""", "member 'nickname' is not in the schema")]
    [InlineData("User", """{"accountId":1}""", "$.accountId: expected string")]
    [InlineData("User", """{"accountId":"a","kind":"robot"}""", "is not one of")]
    [InlineData("User", """{"accountId":"a","groups":[{"name":"x","extra":"no"}]}""", "$.groups[0].extra: expected integer")]
    [InlineData("User", """{"accountId":"a","groups":[{}]}""", "$.groups[0]: required member 'name'")]
    [InlineData("Either", "1.5", "matches 0 of oneOf")]
    [InlineData("Any", "3", "matches none of anyOf")]
    [InlineData("Both", """{"name":"g"}""", "required member 'size'")]
    public void Validate_Drift_IsReportedWithItsPath(string schema, string json, string expected) =>
        _walker.Validate(JsonDocument.Parse(json).RootElement, Ref(schema), OpenApiSchemaWalker.Direction.Response)
            .Should().Contain(e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Validate_ReadOnlyRequiredMembers_AreNotRequiredInRequests()
    {
        var schema = JsonDocument.Parse("""{"type":"object","required":["id"],"properties":{"id":{"type":"string","readOnly":true}}}""").RootElement;
        var empty = JsonDocument.Parse("{}").RootElement;

        _walker.Validate(empty, schema, OpenApiSchemaWalker.Direction.Request).Should().BeEmpty();
        _walker.Validate(empty, schema, OpenApiSchemaWalker.Direction.Response).Should().ContainSingle();
    }

    private static JsonElement Ref(string name) => JsonDocument.Parse($$"""{"$ref":"#/components/schemas/{{name}}"}""").RootElement;
}
