using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.Comments;

public sealed class JiraCommentPlannerTests
{
    private const string Connector = "connector-account";

    private static JiraComment Comment(string text = "Hello", string author = "person-account", string? name = "Mia Krystof") => new(
        "10042",
        new JiraUser(author, name, null, "atlassian", true),
        null,
        new JsonObject
        {
            ["type"] = "doc",
            ["version"] = 1,
            ["content"] = new JsonArray(new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            }),
        },
        null,
        null,
        null);

    private static CommentMirror Row(string origin, string? zohoId, string? hash) => new()
    {
        Origin = origin,
        JiraCommentId = "10042",
        ZohoCommentId = zohoId,
        ContentHash = hash,
    };

    [Fact]
    public void NewComment_IsCreatedPrivate_WithTheAuthorLineAndTheMarker()
    {
        var plan = JiraCommentPlanner.Plan(Comment("a < b"), null, CommentVisibility.Private, Connector);

        plan.Action.Should().Be(JiraCommentAction.Create);
        plan.IsPublic.Should().BeFalse();
        plan.Html.Should().StartWith("<p data-zohojira-jira-comment=\"10042\"><b>Mia Krystof</b> wrote:</p>").And.Contain("a &lt; b");
        JiraCommentPlanner.IsMirrorOf(plan.Html, "10042").Should().BeTrue();
        JiraCommentPlanner.IsMirrorOf(plan.Html, "1004").Should().BeFalse();
    }

    [Fact]
    public void PublicChoice_IsHonoured_ButARestrictedOrInternalJiraComment_StaysPrivate()
    {
        JiraCommentPlanner.Plan(Comment(), null, CommentVisibility.Public, Connector).IsPublic.Should().BeTrue();
        JiraCommentPlanner.Plan(Comment() with { Visibility = new JiraCommentVisibility("role", "Developers") }, null, CommentVisibility.Public, Connector)
            .IsPublic.Should().BeFalse();
        JiraCommentPlanner.Plan(Comment() with { IsPublic = false }, null, CommentVisibility.Public, Connector).IsPublic.Should().BeFalse();
    }

    [Fact]
    public void MirroredUnchanged_IsNothing_ChangedIsAnUpdate()
    {
        var first = JiraCommentPlanner.Plan(Comment("one"), null, CommentVisibility.Private, Connector);

        JiraCommentPlanner.Plan(Comment("one"), Row(CommentOrigins.Jira, "z1", first.Hash), CommentVisibility.Private, Connector).Action
            .Should().Be(JiraCommentAction.None);
        JiraCommentPlanner.Plan(Comment("two"), Row(CommentOrigins.Jira, "z1", first.Hash), CommentVisibility.Private, Connector).Action
            .Should().Be(JiraCommentAction.Update);
        JiraCommentPlanner.Plan(Comment("one"), Row(CommentOrigins.Jira, "z1", first.Hash), CommentVisibility.Public, Connector).Action
            .Should().Be(JiraCommentAction.Update, "a change of visibility is a change");
    }

    [Fact]
    public void TheConnectorsOwnComments_AndMirrorsOfZohoComments_AreNeverSentBack()
    {
        JiraCommentPlanner.Plan(Comment(author: Connector), null, CommentVisibility.Private, Connector).Action.Should().Be(JiraCommentAction.None);
        JiraCommentPlanner.Plan(Comment(), Row(CommentOrigins.Zoho, "z1", null), CommentVisibility.Private, Connector).Action.Should().Be(JiraCommentAction.None);
        JiraCommentPlanner.Plan(Comment(), Row(CommentOrigins.Connector, "z1", null), CommentVisibility.Private, Connector).Action.Should().Be(JiraCommentAction.None);
        JiraCommentPlanner.Plan(null, null, CommentVisibility.Private, Connector).Action.Should().Be(JiraCommentAction.None);
    }

    [Fact]
    public void ZohoPlanner_SkipsAMarkedZohoComment_EvenBeforeItsLedgerRowIsCommitted()
    {
        var html = JiraCommentPlanner.Body(Comment("from Jira"));
        var zoho = new ZohoComment("z9", html, "html", false, "agent", "Connector", "AGENT", null, null);

        ZohoCommentPlanner.Plan(zoho, null, "software").Action.Should().Be(ZohoCommentAction.None);
    }

    [Fact]
    public void OverlongComment_IsCutToZohosLimit()
    {
        var html = JiraCommentPlanner.Body(Comment(new string('x', 40_000)));

        html.Length.Should().BeLessThanOrEqualTo(JiraCommentPlanner.ZohoMaxLength);
        html.Should().Contain("cut short").And.StartWith("<p data-zohojira-jira-comment=");
    }

    [Fact]
    public void AuthorWithoutAName_IsAJiraUser()
    {
        JiraCommentPlanner.Body(Comment(name: null)).Should().Contain("<b>A Jira user</b> wrote:");
    }
}
