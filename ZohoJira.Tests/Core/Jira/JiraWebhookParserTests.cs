using System.Text;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Tests.Core.Jira;

public sealed class JiraWebhookParserTests
{
    [Fact]
    public void TryParse_IssueUpdated_ReadsActorIssueAndChangelog()
    {
        var body = """
            {"timestamp":1767607331123,"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic",
             "user":{"accountId":"5b10a2844c20165700ede21g","displayName":"Mia Krystof"},
             "issue":{"id":"10042","key":"SUP-17","fields":{"project":{"id":"10000","key":"SUP"},"description":"wiki *markup*"}},
             "changelog":{"id":"10150","items":[{"field":"status","fieldtype":"jira","fieldId":"status","from":"10000","fromString":"To Do","to":"3","toString":"In Progress"}]}}
            """;

        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var parsed).Should().BeTrue();

        parsed!.EventType.Should().Be(JiraWebhookEvents.IssueUpdated);
        parsed.IsIssueEvent.Should().BeTrue();
        parsed.ActorAccountId.Should().Be("5b10a2844c20165700ede21g");
        parsed.IssueId.Should().Be("10042");
        parsed.IssueKey.Should().Be("SUP-17");
        parsed.ProjectKey.Should().Be("SUP");
        parsed.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1767607331123));
        parsed.ChangedFields.Should().ContainSingle().Which.Should().Be(new JiraChangedField("status", "status", "10000", "To Do", "3", "In Progress"));
        parsed.IsMadeBy("5b10a2844c20165700ede21g").Should().BeTrue();
        parsed.IsMadeBy("someone-else").Should().BeFalse();
    }

    [Fact]
    public void TryParse_CommentUpdated_ActorIsTheUpdateAuthor()
    {
        var body = """
            {"webhookEvent":"comment_updated","comment":{"id":"10502","author":{"accountId":"author"},"updateAuthor":{"accountId":"editor"},"body":"text"},
             "issue":{"id":"10042","key":"SUP-17"}}
            """;

        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var parsed).Should().BeTrue();

        parsed!.IsCommentEvent.Should().BeTrue();
        parsed.CommentId.Should().Be("10502");
        parsed.ActorAccountId.Should().Be("editor");
        parsed.IssueKey.Should().Be("SUP-17");
    }

    [Fact]
    public void TryParse_AttachmentCreatedWithoutIssue_ReadsTheAttachmentOnly()
    {
        var body = """
            {"timestamp":1767607500000,"webhookEvent":"attachment_created",
             "attachment":{"id":10010,"filename":"export-error.png","author":{"accountId":"5b10"},"size":23123}}
            """;

        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var parsed).Should().BeTrue();

        parsed!.IsAttachmentEvent.Should().BeTrue();
        parsed.AttachmentId.Should().Be("10010");
        parsed.AttachmentFileName.Should().Be("export-error.png");
        parsed.IssueId.Should().BeNull();
        parsed.ActorAccountId.Should().Be("5b10");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"issue\":{}}")]
    [InlineData("")]
    public void TryParse_NotAWebhookEvent_ReturnsFalse(string body) =>
        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out _).Should().BeFalse();
}
