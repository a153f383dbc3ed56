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
using ZohoJira.Core.Sync.Inbox;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.Attachments;

/// <summary>Zoho files copied into Jira as durable work, over the simulated Zoho Desk and Jira Cloud: the record's and its
/// threads' files, each once, streamed, and files over the item's limit skipped with the skip recorded.</summary>
public sealed class MirroringZohoAttachmentsToJiraTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private const long MB = 1024 * 1024;

    private static SmartItemModel FileItem(long limit = 10 * MB, bool attachments = true) =>
        Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }) with
        {
            Options = new SyncOptions { Attachments = attachments, AttachmentSizeLimitBytes = limit },
        };

    private async Task<(Link Link, string Ticket, Guid ItemId)> LinkedTicketAsync(SmartItemModel item)
    {
        var itemId = await sync.CreateItemAsync(item);
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Ticket with files" });
        return (await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket), ticket, itemId);
    }

    /// <summary>Adds a generated file (its bytes made as they are read) to the ticket, or to a new thread of it.</summary>
    private SandboxAttachment AddZohoFile(string ticket, string name, long size, bool onThread = false)
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            var file = new SandboxAttachment
            {
                Id = state.NewId(),
                Name = name,
                Size = size,
                CreatedTime = ZohoSandboxState.Format(state.Now),
                CreatorId = state.Agents[0]["id"]!.GetValue<string>(),
                GeneratedSeed = (int)(size % 100_000) + 7,
            };
            if (onThread)
            {
                var thread = new SandboxThread
                {
                    Summary = new JsonObject
                    {
                        ["id"] = state.NewId(),
                        ["channel"] = "EMAIL",
                        ["direction"] = "in",
                        ["summary"] = "Customer mail",
                        ["createdTime"] = ZohoSandboxState.Format(state.Now),
                        ["attachmentCount"] = "1",
                    },
                    Content = "<div>see attached</div>",
                };
                thread.Attachments.Add(file);
                (state.Threads.TryGetValue(ticket, out var threads) ? threads : state.Threads[ticket] = []).Add(thread);
            }
            else
            {
                (state.Attachments.TryGetValue(ticket, out var files) ? files : state.Attachments[ticket] = []).Add(file);
            }

            state.Touch(state.Find("tickets", ticket)!);
            return file;
        }
    }

    private async Task<IReadOnlyList<JiraAttachment>> JiraFilesAsync(Link link) =>
        (await (await sync.JiraAsync()).GetIssueAsync(link.JiraIssueKey, ["attachment"]))!.Attachments;

    private async Task<byte[]> JiraHashAsync(JiraAttachment attachment)
    {
        await using var download = (await (await sync.JiraAsync()).DownloadAttachmentAsync(attachment.Id))!;
        return await SHA256.HashDataAsync(download.Content);
    }

    private static async Task<byte[]> ZohoHashAsync(SandboxAttachment file)
    {
        await using var content = file.OpenRead();
        return await SHA256.HashDataAsync(content);
    }

    private async Task<List<AttachmentMirror>> LedgerAsync(Link link)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.Set<AttachmentMirror>().AsNoTracking().Where(m => m.LinkId == link.Id).ToListAsync();
    }

    [Fact]
    public async Task Pull_TicketAndThreadFiles_AreCopiedOnceAndByteExact()
    {
        var (link, ticket, _) = await LinkedTicketAsync(FileItem());
        var own = AddZohoFile(ticket, "screenshot.png", 40_000);
        var threadFile = AddZohoFile(ticket, "mail-attachment.pdf", 123_457, onThread: true);

        await sync.PullAsync(link);
        await sync.PullAsync(link);

        var files = await JiraFilesAsync(link);
        files.Select(f => f.FileName).Should().BeEquivalentTo("screenshot.png", "mail-attachment.pdf");
        (await JiraHashAsync(files.Single(f => f.FileName == "screenshot.png"))).Should().Equal(await ZohoHashAsync(own));
        (await JiraHashAsync(files.Single(f => f.FileName == "mail-attachment.pdf"))).Should().Equal(await ZohoHashAsync(threadFile));
        var ledger = await LedgerAsync(link);
        ledger.Should().HaveCount(2).And.OnlyContain(m => m.State == AttachmentMirrorState.Mirrored && m.JiraAttachmentId != null);
        ledger.Single(m => m.ZohoAttachmentId == threadFile.Id).ZohoThreadId.Should().NotBeNull();
        (await sync.ActivityAsync(link)).Where(a => a.Kind == "attachment").Select(a => a.Message).Should().BeEquivalentTo(
            "Copied 'screenshot.png' (0 MB) from Zoho to Jira.",
            "Copied 'mail-attachment.pdf' (0.1 MB) (from a ticket thread) from Zoho to Jira.");
    }

    [Fact]
    public async Task Pull_FileOverTheItemsLimit_IsSkippedOnceAndShownInThePanel_ThenCopiedWhenTheLimitGrows()
    {
        var (link, ticket, itemId) = await LinkedTicketAsync(FileItem(limit: 1 * MB));
        AddZohoFile(ticket, "small.txt", 1_000);
        var big = AddZohoFile(ticket, "diagnostics.zip", (2 * MB) + 5);

        await sync.PullAsync(link);
        await sync.PullAsync(link);

        (await JiraFilesAsync(link)).Select(f => f.FileName).Should().Equal("small.txt");
        var skips = (await sync.ActivityAsync(link)).Where(a => a.Outcome == ActivityOutcome.Skipped).ToList();
        skips.Should().ContainSingle("the skip is recorded once, not on every pull").Which.Message.Should().Be(
            "'diagnostics.zip' (2 MB) is over the item's attachment size limit (1 MB); it was not copied to Jira.");
        (await LedgerAsync(link)).Single(m => m.ZohoAttachmentId == big.Id).State.Should().Be(AttachmentMirrorState.Skipped);
        var panel = await sync.App.Services.GetRequiredService<IssuePanelService>().LoadAsync(link.JiraIssueKey);
        panel.Activity.Should().Contain(a => a.Kind == "attachment" && a.Outcome == ActivityOutcome.Skipped && a.Message.Contains("diagnostics.zip"));

        var service = sync.App.Services.GetRequiredService<SmartItemService>();
        var record = (await service.GetAsync(itemId))!;
        (await service.UpdateAsync(itemId, record.Version, record.Definition with { Options = record.Definition.Options with { AttachmentSizeLimitBytes = 5 * MB } }))
            .Status.Should().Be(SmartItemSaveStatus.Saved);
        sync.ChangeTicket(ticket, _ => { });
        await sync.PullAsync(link);

        var copied = (await JiraFilesAsync(link)).Should().Contain(f => f.FileName == "diagnostics.zip").Subject;
        (await JiraHashAsync(copied)).Should().Equal(await ZohoHashAsync(big));
        (await LedgerAsync(link)).Single(m => m.ZohoAttachmentId == big.Id).State.Should().Be(AttachmentMirrorState.Mirrored);
    }

    [Fact]
    public async Task Pull_LargeFile_IsStreamedFromZohoIntoJira_NotReadWholeFirst()
    {
        const long size = 40 * MB;
        var (link, ticket, _) = await LinkedTicketAsync(FileItem(limit: 45 * MB));
        var file = AddZohoFile(ticket, "disk-image.bin", size);
        var zoho = sync.App.State();
        var jira = sync.App.Services.GetRequiredService<JiraSandboxState>();
        long? servedWhenJiraGotTheFirstBytes = null;
        var servedBefore = zoho.AttachmentBytesServed;
        jira.UploadStarted = name => servedWhenJiraGotTheFirstBytes ??= name == "disk-image.bin" ? zoho.AttachmentBytesServed - servedBefore : null;
        try
        {
            await sync.PullAsync(link);
        }
        finally
        {
            jira.UploadStarted = null;
        }

        var copied = (await JiraFilesAsync(link)).Should().ContainSingle().Subject;
        copied.Size.Should().Be(size);
        (await JiraHashAsync(copied)).Should().Equal(await ZohoHashAsync(file));
        servedWhenJiraGotTheFirstBytes.Should().NotBeNull().And.BeLessThan(size / 4,
            "Jira receives the file while Zoho is still sending it: the connector passes the download through, it never holds the whole file");
    }

    [Fact]
    public async Task Handle_AfterACrashBetweenJirasAnswerAndTheCommit_AdoptsTheUploadedFile()
    {
        var (link, ticket, _) = await LinkedTicketAsync(FileItem());
        var file = AddZohoFile(ticket, "report.csv", 2_048);
        await using (var content = file.OpenRead())
        {
            await (await sync.JiraAsync()).UploadAttachmentAsync(link.JiraIssueId, "report.csv", "text/csv", content);
        }

        await using (var db = sync.App.CreateDbContext())
        {
            db.Set<AttachmentMirror>().Add(new AttachmentMirror
            {
                LinkId = link.Id,
                Origin = "zoho",
                ZohoAttachmentId = file.Id,
                FileName = file.Name,
                Size = file.Size,
                State = AttachmentMirrorState.Pending,
                CreatedAt = sync.App.Now(),
                UpdatedAt = sync.App.Now(),
            });
            await db.SaveChangesAsync();
        }

        await sync.App.Queue().EnqueueAsync(ZohoAttachmentWork.For(link, file.Id, threadId: null, "pull"));
        await sync.Worker().DrainAsync();

        var only = (await JiraFilesAsync(link)).Should().ContainSingle().Subject;
        (await LedgerAsync(link)).Should().ContainSingle().Which.JiraAttachmentId.Should().Be(only.Id);
    }

    [Fact]
    public async Task Webhook_AttachmentAdded_IsCopiedOnce()
    {
        var (link, ticket, _) = await LinkedTicketAsync(FileItem());
        var file = AddZohoFile(ticket, "from-webhook.txt", 300);
        var json = new JsonObject
        {
            ["eventType"] = "Ticket_Attachment_Add",
            ["orgId"] = ZohoSandboxState.OrgId,
            ["eventTime"] = "1764770000000",
            ["payload"] = new JsonObject { ["id"] = file.Id, ["ticketId"] = ticket },
        }.ToJsonString();
        await sync.App.Services.GetRequiredService<InboundEventStore>().TryAddAsync(InboundEventStore.ZohoSource, "test:" + file.Id, "Ticket_Attachment_Add", json);

        await sync.App.Services.GetRequiredService<ZohoInboxProcessor>().ProcessPendingAsync();
        await using (var db = sync.App.CreateDbContext())
        {
            (await db.WorkItems.CountAsync(w => w.LinkId == link.Id && w.Kind == ZohoAttachmentWork.Kind)).Should().Be(1);
        }

        await sync.Worker().DrainAsync();

        (await JiraFilesAsync(link)).Should().ContainSingle().Which.FileName.Should().Be("from-webhook.txt");
        (await LedgerAsync(link)).Should().ContainSingle().Which.State.Should().Be(AttachmentMirrorState.Mirrored);
    }

    [Fact]
    public async Task Pull_ItemWithoutAttachmentSync_CopiesNothing()
    {
        var (link, ticket, _) = await LinkedTicketAsync(FileItem(attachments: false));
        AddZohoFile(ticket, "stays.txt", 10);

        await sync.PullAsync(link);

        (await JiraFilesAsync(link)).Should().BeEmpty();
        (await LedgerAsync(link)).Should().BeEmpty();
    }
}
