using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.IssuePanel;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Attachments;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>Jira comments and files mirrored into Zoho over the simulators: a person comments or attaches in the sandbox
/// Jira, the webhooks arrive, the work runs and the linked Zoho ticket gets a private comment or the file, each once; the
/// connector's own writes on either side never come back.</summary>
public sealed class MirroringJiraCommentsAndFilesToZohoTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private const long MB = 1024 * 1024;

    private static SmartItemModel MirrorItem(SyncMode mode = SyncMode.TwoWay, long limit = 10 * MB, CommentVisibility visibility = CommentVisibility.Private) =>
        Item(mode, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }) with
        {
            Options = new SyncOptions { Comments = true, Attachments = true, AttachmentSizeLimitBytes = limit, JiraCommentVisibility = visibility },
        };

    private async Task<(Link Link, string Ticket)> LinkedAsync(SmartItemModel item, bool webhook = true)
    {
        var itemId = await sync.CreateItemAsync(item);
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Mirrored ticket" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync("Mirrored ticket"), ticket);
        if (webhook)
        {
            await sync.RegisterJiraWebhookAsync();
        }

        return (link, ticket);
    }

    private static JsonObject Doc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };

    private List<JsonObject> ZohoComments(string ticket)
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            return (state.Comments.GetValueOrDefault(ticket) ?? []).Select(c => c.DeepClone().AsObject()).ToList();
        }
    }

    private List<SandboxAttachment> ZohoFiles(string ticket)
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            return [.. state.Attachments.GetValueOrDefault(ticket) ?? []];
        }
    }

    private string AddZohoComment(string ticket, string html)
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            var comment = ZohoSandboxChildEndpoints.AddComment(state, ticket, html, isPublic: true, "Ada", "Okafor");
            state.Touch(state.Find("tickets", ticket)!);
            return comment["id"]!.GetValue<string>();
        }
    }

    private async Task<List<CommentMirror>> CommentLedgerAsync(Link link)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.Set<CommentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id).ToListAsync();
    }

    private async Task<List<AttachmentMirror>> FileLedgerAsync(Link link)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.Set<AttachmentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id).ToListAsync();
    }

    private async Task<JiraAttachment> UploadAsUserAsync(Link link, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await sync.UserJira().UploadAttachmentAsync(link.JiraIssueKey, name, "application/octet-stream", stream);
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task JiraComment_BecomesOnePrivateZohoComment_NamingItsAuthor()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem());

        var jiraComment = await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("The fix ships <tomorrow>"));
        await sync.SettleJiraAsync();
        await sync.SettleJiraAsync();

        var comment = ZohoComments(ticket).Should().ContainSingle().Subject;
        comment["isPublic"]!.GetValue<bool>().Should().BeFalse("Jira comments are private in Zoho unless the item says otherwise");
        var content = comment["content"]!.GetValue<string>();
        content.Should().Contain("<b>Mia Krystof</b> wrote:").And.Contain("The fix ships &lt;tomorrow&gt;");
        JiraCommentPlanner.IsMirrorOf(content, jiraComment.Id).Should().BeTrue();
        (await CommentLedgerAsync(link)).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Origin = CommentOrigins.Jira, JiraCommentId = jiraComment.Id, ZohoCommentId = comment["id"]!.GetValue<string>() },
            o => o.ExcludingMissingMembers());
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "comment").Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Direction = ActivityDirections.JiraToZoho,
            Outcome = ActivityOutcome.Applied,
            Message = "Mirrored Mia Krystof's Jira comment as a Zoho comment (private: customers do not see it).",
        }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task JiraComment_OnAnItemThatChoosesPublicComments_IsPublicInZoho()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem(visibility: CommentVisibility.Public));

        await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("Everyone may read this"));
        await sync.SettleJiraAsync();

        ZohoComments(ticket).Should().ContainSingle().Which["isPublic"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task EditedJiraComment_UpdatesTheSameZohoComment()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem());
        var jira = sync.UserJira();
        var jiraComment = await jira.AddCommentAsync(link.JiraIssueKey, Doc("First draft"));
        await sync.SettleJiraAsync();
        var zohoId = ZohoComments(ticket).Should().ContainSingle().Subject["id"]!.GetValue<string>();

        await jira.UpdateCommentAsync(link.JiraIssueKey, jiraComment.Id, Doc("Final words"));
        await sync.SettleJiraAsync();

        var comment = ZohoComments(ticket).Should().ContainSingle().Subject;
        comment["id"]!.GetValue<string>().Should().Be(zohoId);
        comment["content"]!.GetValue<string>().Should().Contain("Final words").And.NotContain("First draft");
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "comment").Select(a => a.Message).Should().Equal(
            "Mirrored Mia Krystof's Jira comment as a Zoho comment (private: customers do not see it).",
            "Updated the Zoho comment mirroring Mia Krystof's Jira comment (private: customers do not see it).");
    }

    [Fact]
    public async Task DuplicateWebhookDelivery_StillMirrorsOnce()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem());
        var jiraComment = await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("Said once"));
        await sync.SettleJiraAsync();
        var delivered = (await sync.JiraEventsAsync()).Last(e => e.EventType == "comment_created" && e.Payload.Contains(jiraComment.Id, StringComparison.Ordinal));

        // Jira delivers the same event again (a retry after a slow answer), as a separate delivery.
        (await sync.App.Services.GetRequiredService<InboundEventStore>().TryAddAsync(InboundEventStore.JiraSource, "again:" + delivered.Id, delivered.EventType,
            delivered.Payload)).Should().BeTrue();
        await sync.SettleJiraAsync();

        ZohoComments(ticket).Should().ContainSingle();
        (await CommentLedgerAsync(link)).Should().ContainSingle();
        (await sync.JiraEventsAsync()).Where(e => e.Payload.Contains(jiraComment.Id, StringComparison.Ordinal) && e.EventType == "comment_created")
            .Should().HaveCount(2).And.OnlyContain(e => e.Status == InboundEventStatus.Processed);
    }

    [Fact]
    public async Task Handle_AfterACrashBetweenZohosAnswerAndTheCommit_AdoptsTheZohoCommentInsteadOfAddingASecond()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem(), webhook: false);
        var jiraComment = await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("Only once"));
        // What a crashed attempt leaves: the intent in the ledger and the marked comment in Zoho.
        var zoho = await sync.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var orphan = await zoho.CreateCommentAsync(ZohoModule.Tickets, ticket, new ZohoCommentInput(JiraCommentPlanner.Body(jiraComment)));
        await using (var db = sync.App.CreateDbContext())
        {
            db.Set<CommentMirror>().Add(new CommentMirror
            {
                LinkId = link.Id,
                Origin = CommentOrigins.Jira,
                JiraCommentId = jiraComment.Id,
                CreatedAt = sync.App.Now(),
                UpdatedAt = sync.App.Now(),
            });
            await db.SaveChangesAsync();
        }

        await sync.App.Queue().EnqueueAsync(JiraCommentWork.For(link, jiraComment.Id, "webhook"));
        await sync.Worker().DrainAsync();

        ZohoComments(ticket).Should().ContainSingle().Which["id"]!.GetValue<string>().Should().Be(orphan.Id);
        (await CommentLedgerAsync(link)).Should().ContainSingle().Which.ZohoCommentId.Should().Be(orphan.Id);
        (await sync.ActivityAsync(link)).Should().Contain(a => a.Kind == "comment" && a.Message.Contains("found the Zoho comment an earlier attempt made"));
    }

    [Fact]
    public async Task JiraFile_IsCopiedToTheZohoTicketOnce_ByteExact()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem());
        var content = Bytes(70_000, seed: 11);

        var uploaded = await UploadAsUserAsync(link, "trace.log", content);
        await sync.SettleJiraAsync();
        await sync.App.Services.GetRequiredService<JiraIssueMirrorScanner>().EnqueueAsync(link, MirrorItem());
        await sync.Worker().DrainAsync();

        var file = ZohoFiles(ticket).Should().ContainSingle().Subject;
        file.Name.Should().Be("trace.log");
        file.IsPublic.Should().BeFalse();
        await using (var stream = file.OpenRead())
        {
            (await SHA256.HashDataAsync(stream)).Should().Equal(SHA256.HashData(content));
        }

        (await FileLedgerAsync(link)).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Origin = CommentOrigins.Jira, JiraAttachmentId = uploaded.Id, ZohoAttachmentId = file.Id, State = AttachmentMirrorState.Mirrored },
            o => o.ExcludingMissingMembers());
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "attachment").Select(a => a.Message)
            .Should().Equal("Copied 'trace.log' (0.1 MB) from Jira to Zoho.");

        await sync.PullAsync(link);
        (await (await sync.JiraAsync()).GetIssueAsync(link.JiraIssueKey, ["attachment"]))!.Attachments.Should().ContainSingle(
            "the copy in Zoho is the connector's own and never goes back to Jira");
    }

    [Fact]
    public async Task JiraFileOverTheItemsLimit_IsSkippedOnce_AndShownWhereTheOtherSkipsShow()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem(limit: 1 * MB));

        await UploadAsUserAsync(link, "core-dump.bin", Bytes((int)(2 * MB) + 3, seed: 5));
        await sync.SettleJiraAsync();
        await sync.App.Services.GetRequiredService<JiraIssueMirrorScanner>().EnqueueAsync(link, MirrorItem(limit: 1 * MB));
        await sync.Worker().DrainAsync();

        ZohoFiles(ticket).Should().BeEmpty();
        (await FileLedgerAsync(link)).Should().ContainSingle().Which.State.Should().Be(AttachmentMirrorState.Skipped);
        var skip = (await sync.ActivityAsync(link)).Where(a => a.Outcome == ActivityOutcome.Skipped).Should().ContainSingle().Subject;
        skip.Direction.Should().Be(ActivityDirections.JiraToZoho);
        skip.Message.Should().Be("'core-dump.bin' (2 MB) is over the item's attachment size limit (1 MB); it was not copied to Zoho.");
        var panel = await sync.App.Services.GetRequiredService<IssuePanelService>().LoadAsync(link.JiraIssueKey);
        panel.Activity.Should().Contain(a => a.Kind == "attachment" && a.Outcome == ActivityOutcome.Skipped && a.Message.Contains("core-dump.bin"));
    }

    [Fact]
    public async Task OneWayItem_SendsNoCommentOrFileBackToZoho()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem(SyncMode.OneWay));

        await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("Stays in Jira"));
        await UploadAsUserAsync(link, "stays.txt", Bytes(100, seed: 1));
        await sync.SettleJiraAsync();

        ZohoComments(ticket).Should().BeEmpty();
        ZohoFiles(ticket).Should().BeEmpty();
        (await CommentLedgerAsync(link)).Should().BeEmpty();
        (await sync.App.Services.GetRequiredService<JiraIssueMirrorScanner>().WorkForAsync(link, MirrorItem(SyncMode.OneWay))).Should().BeEmpty();
        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync(w => w.LinkId == link.Id && (w.Kind == JiraCommentWork.Kind || w.Kind == JiraAttachmentWork.Kind))).Should().Be(0);
    }

    [Fact]
    public async Task AlternatingComments_OnBothSides_EachAppearsExactlyOnceOnTheOtherSide()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem());
        var jira = sync.UserJira();

        AddZohoComment(ticket, "<p>zoho one</p>");
        await sync.PullAsync(link);
        await sync.SettleJiraAsync();
        await jira.AddCommentAsync(link.JiraIssueKey, Doc("jira two"));
        await sync.SettleJiraAsync();
        await sync.PullAsync(link);
        AddZohoComment(ticket, "<p>zoho three</p>");
        await sync.PullAsync(link);
        await sync.SettleJiraAsync();
        await jira.AddCommentAsync(link.JiraIssueKey, Doc("jira four"));
        await sync.SettleJiraAsync();
        await sync.PullAsync(link);
        await sync.App.Services.GetRequiredService<JiraIssueMirrorScanner>().EnqueueAsync(link, MirrorItem());
        await sync.Worker().DrainAsync();
        await sync.SettleJiraAsync();

        var zohoTexts = ZohoComments(ticket).Select(c => c["content"]!.GetValue<string>()).ToList();
        var jiraTexts = (await (await sync.JiraAsync()).GetCommentsAsync(link.JiraIssueKey)).Items.Select(c => c.Body!.ToJsonString()).ToList();
        zohoTexts.Should().HaveCount(4);
        jiraTexts.Should().HaveCount(4);
        foreach (var text in new[] { "zoho one", "jira two", "zoho three", "jira four" })
        {
            zohoTexts.Count(t => t.Contains(text, StringComparison.Ordinal)).Should().Be(1, $"'{text}' is in Zoho once");
            jiraTexts.Count(t => t.Contains(text, StringComparison.Ordinal)).Should().Be(1, $"'{text}' is in Jira once");
        }

        (await CommentLedgerAsync(link)).GroupBy(m => m.Origin).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { [CommentOrigins.Zoho] = 2, [CommentOrigins.Jira] = 2 });
    }

    [Fact]
    public async Task Scanner_ReturnsWorkForWhatTheLedgerLacks_AndNothingOnceMirrored()
    {
        var (link, ticket) = await LinkedAsync(MirrorItem(), webhook: false);
        var scanner = sync.App.Services.GetRequiredService<JiraIssueMirrorScanner>();
        var comment = await sync.UserJira().AddCommentAsync(link.JiraIssueKey, Doc("Missed by the webhooks"));
        var file = await UploadAsUserAsync(link, "missed.txt", Bytes(64, seed: 3));
        await (await sync.JiraAsync()).AddCommentAsync(link.JiraIssueKey, Doc("Written by the connector"));

        var due = await scanner.WorkForAsync(link, MirrorItem());

        due.Should().BeEquivalentTo(new[] { JiraCommentWork.For(link, comment.Id, "poll"), JiraAttachmentWork.For(link, file.Id, "poll") });
        foreach (var request in due)
        {
            await sync.App.Queue().EnqueueAsync(request);
        }

        await sync.Worker().DrainAsync();
        ZohoComments(ticket).Should().ContainSingle().Which["content"]!.GetValue<string>().Should().Contain("Missed by the webhooks");
        ZohoFiles(ticket).Should().ContainSingle().Which.Name.Should().Be("missed.txt");
        (await scanner.WorkForAsync(link, MirrorItem())).Should().BeEmpty();

        await sync.UserJira().UpdateCommentAsync(link.JiraIssueKey, comment.Id, Doc("Edited while nobody listened"));
        (await scanner.WorkForAsync(link, MirrorItem())).Should().ContainSingle().Which.Kind.Should().Be(JiraCommentWork.Kind);
    }
}
