using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.Comments;

/// <summary>The pure decision for one Zoho comment: mirrored once, updated on change, private ones never public.</summary>
public sealed class ZohoCommentPlannerTests
{
    private static ZohoComment Comment(string content = "<p>hi</p>", bool isPublic = true, string? author = "Mia Krystof", string type = "html") =>
        new("c1", content, type, isPublic, "a1", author, "AGENT", null, null);

    private static CommentMirror Mirror(string origin = CommentOrigins.Zoho, string? jiraId = "j1", string? hash = null) =>
        new() { LinkId = Guid.NewGuid(), Origin = origin, ZohoCommentId = "c1", JiraCommentId = jiraId, ContentHash = hash };

    public static TheoryData<string, ZohoComment?, CommentMirror?, string?, ZohoCommentAction, bool> Cases() => new()
    {
        { "new public comment", Comment(), null, "software", ZohoCommentAction.Create, false },
        { "new private comment, service desk", Comment(isPublic: false), null, "service_desk", ZohoCommentAction.Create, true },
        { "new private comment, software", Comment(isPublic: false), null, "software", ZohoCommentAction.Create, false },
        { "new private comment, unknown project", Comment(isPublic: false), null, null, ZohoCommentAction.Skip, false },
        { "new public comment, unknown project", Comment(), null, null, ZohoCommentAction.Create, false },
        { "unchanged", Comment(), Mirror(hash: ZohoCommentPlanner.Hash(Comment())), "software", ZohoCommentAction.None, false },
        { "content changed", Comment("<p>new</p>"), Mirror(hash: ZohoCommentPlanner.Hash(Comment())), "software", ZohoCommentAction.Update, false },
        { "made private, service desk", Comment(isPublic: false), Mirror(hash: ZohoCommentPlanner.Hash(Comment())), "service_desk", ZohoCommentAction.Update, true },
        { "intent without answer", Comment(), Mirror(jiraId: null), "software", ZohoCommentAction.Create, false },
        { "skipped and unchanged", Comment(isPublic: false), Mirror(jiraId: null, hash: ZohoCommentPlanner.SkippedPrefix + ZohoCommentPlanner.Hash(Comment(isPublic: false))), null, ZohoCommentAction.None, false },
        { "skipped, since made public", Comment(), Mirror(jiraId: null, hash: ZohoCommentPlanner.SkippedPrefix + ZohoCommentPlanner.Hash(Comment(isPublic: false))), null, ZohoCommentAction.Create, false },
        { "the connector's own note", Comment(), Mirror(CommentOrigins.Connector, jiraId: null), "software", ZohoCommentAction.None, false },
        { "a mirror of a Jira comment", Comment(), Mirror(CommentOrigins.Jira), "software", ZohoCommentAction.None, false },
        { "deleted in Zoho", null, Mirror(), "software", ZohoCommentAction.None, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_Case_DecidesTheAction(string because, ZohoComment? comment, CommentMirror? mirror, string? projectType, ZohoCommentAction action, bool isInternal)
    {
        var plan = ZohoCommentPlanner.Plan(comment, mirror, projectType);

        plan.Action.Should().Be(action, because);
        plan.Internal.Should().Be(isInternal, because);
    }

    [Fact]
    public void Body_PlainTextComment_IsEscapedAndKeepsItsLines()
    {
        var body = ZohoCommentPlanner.Body(Comment("a <b> not bold\nsecond line", type: "plainText", author: null));

        body["content"]![0]!["content"]![0]!["text"]!.GetValue<string>().Should().Be("A Zoho Desk user");
        var line = body["content"]![1]!["content"]!.AsArray();
        line.Select(n => n!["type"]!.GetValue<string>()).Should().Equal("text", "hardBreak", "text");
        line[0]!["text"]!.GetValue<string>().Should().Be("a <b> not bold");
        line[0]!["marks"].Should().BeNull("the tag was text, not markup");
    }

    [Fact]
    public void Body_HugeComment_IsCutToJirasLimitWithAMarker()
    {
        var body = ZohoCommentPlanner.Body(Comment("<p>" + new string('x', 40_000) + "</p>")).ToJsonString();

        body.Length.Should().BeLessThan(40_000);
        body.Should().Contain("truncated by ZohoJira");
    }
}
