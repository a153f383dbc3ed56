using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.AutoCreate;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.Inbox;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.Comments;

/// <summary>Zoho comments mirrored into Jira as durable work, over the simulated Zoho Desk and Jira Cloud: once each,
/// updated in place, private ones kept from customers, the author named, found by the pull and by webhooks.</summary>
public sealed class MirroringZohoCommentsToJiraTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private static SmartItemModel CommentItem(string project = Project, bool comments = true) =>
        Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }) with
        {
            JiraProjectKey = project,
            Options = new SyncOptions { Comments = comments },
        };

    private async Task<(Link Link, string Ticket)> LinkedTicketAsync(SmartItemModel item)
    {
        var itemId = await sync.CreateItemAsync(item);
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Commented ticket" });
        var jira = await sync.JiraAsync();
        var issue = await jira.CreateIssueAsync(new JiraIssueCreate(item.JiraProjectKey, TaskType, new JsonObject { ["summary"] = "Commented issue" }));
        return (await sync.LinkAsync(itemId, issue, ticket), ticket);
    }

    private string AddZohoComment(string ticket, string html, bool isPublic = true, string first = "Mia", string last = "Krystof")
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            var comment = ZohoSandboxChildEndpoints.AddComment(state, ticket, html, isPublic, first, last);
            state.Touch(state.Find("tickets", ticket)!);
            return comment["id"]!.GetValue<string>();
        }
    }

    private async Task<IReadOnlyList<JiraComment>> JiraCommentsAsync(Link link) =>
        (await (await sync.JiraAsync()).GetCommentsAsync(link.JiraIssueKey)).Items;

    private async Task<List<CommentMirror>> LedgerAsync(Link link)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.Set<CommentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id).ToListAsync();
    }

    [Fact]
    public async Task Pull_NewZohoComment_BecomesOneJiraCommentNamingItsAuthor()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem());
        var commentId = AddZohoComment(ticket, "<div>The printer is <b>on fire</b></div>");

        await sync.PullAsync(link);
        await sync.PullAsync(link);

        var comments = await JiraCommentsAsync(link);
        comments.Should().ContainSingle("a comment is mirrored once, however often the record is pulled");
        var body = comments[0].Body!.ToJsonString();
        body.Should().Contain("\"text\":\"Mia Krystof\",\"marks\":[{\"type\":\"strong\"}]").And.Contain(" wrote:").And.Contain("on fire");
        comments[0].IsPublic.Should().BeTrue();
        var ledger = (await LedgerAsync(link)).Should().ContainSingle().Subject;
        ledger.Should().BeEquivalentTo(new { Origin = CommentOrigins.Zoho, ZohoCommentId = commentId, JiraCommentId = comments[0].Id }, o => o.ExcludingMissingMembers());
        var activity = (await sync.ActivityAsync(link)).Where(a => a.Kind == "comment").ToList();
        activity.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Outcome = ActivityOutcome.Applied,
            Direction = ActivityDirections.ZohoToJira,
            Message = "Mirrored Mia Krystof's Zoho comment as a Jira comment.",
        }, o => o.ExcludingMissingMembers());
        activity[0].WorkItemId.Should().NotBeNull();
    }

    [Fact]
    public async Task Pull_EditedZohoComment_UpdatesTheSameJiraComment()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem());
        var commentId = AddZohoComment(ticket, "<p>First words</p>");
        await sync.PullAsync(link);
        var zoho = await sync.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        sync.App.Time.Advance(TimeSpan.FromMinutes(1));

        await zoho.UpdateCommentAsync(ZohoModule.Tickets, ticket, commentId, new ZohoCommentInput("<p>Second thoughts</p>", IsPublic: true));
        await sync.PullAsync(link);

        var comment = (await JiraCommentsAsync(link)).Should().ContainSingle().Subject;
        comment.Body!.ToJsonString().Should().Contain("Second thoughts").And.NotContain("First words");
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "comment").Select(a => a.Message).Should().Equal(
            "Mirrored Mia Krystof's Zoho comment as a Jira comment.",
            "Updated the Jira comment mirroring Mia Krystof's Zoho comment.");
    }

    [Fact]
    public async Task Pull_PrivateCommentInAServiceDeskProject_BecomesInternal_AndStaysInternalWhenEdited()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem(Project)); // SUP is a Jira Service Management project
        var commentId = AddZohoComment(ticket, "<p>Agents only: refund approved</p>", isPublic: false);

        await sync.PullAsync(link);
        var zoho = await sync.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        await zoho.UpdateCommentAsync(ZohoModule.Tickets, ticket, commentId, new ZohoCommentInput("<p>Agents only: refund sent</p>"));
        await sync.PullAsync(link);

        var comment = (await JiraCommentsAsync(link)).Should().ContainSingle().Subject;
        comment.IsPublic.Should().BeFalse("a private Zoho comment never becomes one customers can see");
        comment.Body!.ToJsonString().Should().Contain("refund sent");
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "comment").Should().OnlyContain(a => a.Message.EndsWith("(internal: customers do not see it).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_PrivateCommentInASoftwareProject_IsMirroredAsIs_SinceOnlyJiraUsersReadItsComments()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem("DEV"));
        AddZohoComment(ticket, "<p>Internal detail</p>", isPublic: false);

        await sync.PullAsync(link);

        var comment = (await JiraCommentsAsync(link)).Should().ContainSingle().Subject;
        comment.Body!.ToJsonString().Should().Contain("Internal detail");
        comment.Properties.Should().NotContainKey(JiraCommentInput.ServiceDeskPublicProperty);
    }

    [Fact]
    public async Task Pull_ItemWithoutCommentSync_MirrorsNothing()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem(comments: false));
        AddZohoComment(ticket, "<p>Not for Jira</p>");

        await sync.PullAsync(link);

        (await JiraCommentsAsync(link)).Should().BeEmpty();
        (await LedgerAsync(link)).Should().BeEmpty();
        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync(w => w.LinkId == link.Id && w.Kind == ZohoCommentWork.Kind)).Should().Be(0);
    }

    [Fact]
    public async Task Webhook_CommentAdded_IsMirroredOnce_AlongsideThePullItTriggers()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem());
        var commentId = AddZohoComment(ticket, "<p>Arrived by webhook</p>");
        var json = new JsonObject
        {
            ["eventType"] = "Ticket_Comment_Add",
            ["orgId"] = ZohoSandboxState.OrgId,
            ["eventTime"] = "1764770000000",
            ["payload"] = new JsonObject { ["id"] = commentId, ["ticketId"] = ticket },
        }.ToJsonString();
        (await sync.App.Services.GetRequiredService<InboundEventStore>().TryAddAsync(InboundEventStore.ZohoSource, "test:" + commentId, "Ticket_Comment_Add", json))
            .Should().BeTrue();

        await sync.App.Services.GetRequiredService<ZohoInboxProcessor>().ProcessPendingAsync();
        List<WorkItem> enqueued;
        await using (var db = sync.App.CreateDbContext())
        {
            enqueued = await db.WorkItems.AsNoTracking().Where(w => w.LinkId == link.Id).OrderBy(w => w.Id).ToListAsync();
        }

        await sync.Worker().DrainAsync();

        enqueued.Select(w => w.Kind).Should().Equal("zoho-pull", ZohoCommentWork.Kind);
        enqueued[1].Payload.Should().Contain("\"trigger\":\"webhook\"");
        (await JiraCommentsAsync(link)).Should().ContainSingle().Which.Body!.ToJsonString().Should().Contain("Arrived by webhook");
        (await sync.ActivityAsync(link)).Count(a => a.Kind == "comment").Should().Be(1);
    }

    [Fact]
    public async Task Pull_TheConnectorsOwnLinkNote_IsNeverMirrored()
    {
        var (link, _) = await LinkedTicketAsync(CommentItem());
        await sync.App.Queue().EnqueueAsync(AutoCreateWork.Announce(link));
        await sync.Worker().DrainAsync();

        await sync.PullAsync(link);

        (await JiraCommentsAsync(link)).Should().BeEmpty("the private note naming the Jira issue is the connector's own");
        (await LedgerAsync(link)).Should().ContainSingle().Which.Origin.Should().Be(CommentOrigins.Connector);
    }

    [Fact]
    public async Task Handle_AfterACrashBetweenJirasAnswerAndTheCommit_AdoptsTheCommentInsteadOfAddingASecond()
    {
        var (link, ticket) = await LinkedTicketAsync(CommentItem());
        var commentId = AddZohoComment(ticket, "<p>Only once</p>");
        var jira = await sync.JiraAsync();
        // What a crashed attempt leaves: the intent in the ledger and the comment (with its marker) in Jira.
        var orphan = await jira.AddCommentAsync(link.JiraIssueId, new JiraCommentInput(ZohoCommentPlanner.Body(new ZohoComment(
            commentId, "<p>Only once</p>", "html", true, null, "Mia Krystof", "AGENT", null, null)))
        {
            Properties = new Dictionary<string, JsonNode>
            {
                [ZohoCommentHandler.MarkerProperty] = new JsonObject { ["zohoCommentId"] = commentId, ["linkId"] = link.Id.ToString("D") },
            },
        });
        await using (var db = sync.App.CreateDbContext())
        {
            db.Set<CommentMirror>().Add(new CommentMirror
            {
                LinkId = link.Id,
                Origin = CommentOrigins.Zoho,
                ZohoCommentId = commentId,
                CreatedAt = sync.App.Now(),
                UpdatedAt = sync.App.Now(),
            });
            await db.SaveChangesAsync();
        }

        await sync.App.Queue().EnqueueAsync(ZohoCommentWork.For(link, commentId, "pull"));
        await sync.Worker().DrainAsync();

        (await JiraCommentsAsync(link)).Should().ContainSingle().Which.Id.Should().Be(orphan.Id);
        (await LedgerAsync(link)).Should().ContainSingle().Which.JiraCommentId.Should().Be(orphan.Id);
        (await sync.ActivityAsync(link)).Should().Contain(a => a.Kind == "comment" && a.Message.Contains("found the Jira comment an earlier attempt made"));
    }
}
