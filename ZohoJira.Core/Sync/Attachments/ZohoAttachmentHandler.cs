using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>Runs <see cref="ZohoAttachmentWork"/>: finds the Zoho file, lets <see cref="ZohoAttachmentPlanner"/> decide, and
/// streams it from Zoho's download straight into Jira's upload (never the whole file in memory; a file that turns out
/// larger than the limit while streaming is stopped and skipped). An upload is recorded as an intent first, so a worker
/// that crashed between Jira's answer and our commit adopts the file it uploaded (same name and size on the issue,
/// not yet in the ledger) instead of uploading it twice. Skips are recorded once, in the ledger and the activity.</summary>
public sealed class ZohoAttachmentHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    public string Kind => ZohoAttachmentWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, attachmentId, threadId) = ZohoAttachmentWork.Read(item);
        Link? link;
        AttachmentMirror? mirror;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            mirror = await db.Set<AttachmentMirror>().AsNoTracking()
                .SingleOrDefaultAsync(m => m.LinkId == linkId && m.ZohoAttachmentId == attachmentId, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null || attachmentId.Length == 0 || ZohoModule.FromApiName(link.ZohoModule) is not { } module)
        {
            return WorkOutcome.Succeeded;
        }

        var model = SmartItemMapper.ToModel(link.SmartItem);
        if (!model.IsSynchronized || model.Paused || !model.Options.Attachments)
        {
            return WorkOutcome.Succeeded; // Attachment sync was turned off since the work was enqueued.
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            await RecordFailureAsync(link, item, "Jira is not connected.");
            return WorkOutcome.Failed(FailureCategory.Authentication, "Jira is not connected.");
        }

        try
        {
            var zoho = await zohoClients.CreateAsync(cancellationToken);
            var attachment = await FindAsync(zoho, module, link.ZohoRecordId, attachmentId, threadId, cancellationToken);
            if (attachment is null)
            {
                return WorkOutcome.Succeeded; // Deleted in Zoho since; deletions are not mirrored.
            }

            var limit = model.Options.AttachmentSizeLimitBytes;
            var (action, reason) = ZohoAttachmentPlanner.Plan(attachment, mirror, limit);
            if (action == ZohoAttachmentAction.Skip)
            {
                await SaveAsync(link, item, mirror, attachment, null, AttachmentMirrorState.Skipped, reason, ActivityOutcome.Skipped, reason, cancellationToken);
            }
            else if (action == ZohoAttachmentAction.Upload)
            {
                await UploadAsync(jira, zoho, link, item, mirror, attachment, limit, cancellationToken);
            }

            return WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            await RecordFailureAsync(link, item, ex.Message);
            return WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }

    private async Task UploadAsync(IJiraClient jira, IZohoDeskClient zoho, Link link, WorkItem item, AttachmentMirror? mirror, ZohoAttachment attachment,
        long limit, CancellationToken cancellationToken)
    {
        var where = attachment.ThreadId is null ? string.Empty : " (from a ticket thread)";
        if (mirror is { State: AttachmentMirrorState.Pending })
        {
            // An earlier attempt may have uploaded it before it could record so: adopt a file of the same name and size
            // that no ledger row claims yet.
            var issue = await jira.GetIssueAsync(link.JiraIssueId, ["attachment"], cancellationToken);
            List<string> claimed;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                claimed = await db.Set<AttachmentMirror>().AsNoTracking()
                    .Where(m => m.LinkId == link.Id && m.JiraAttachmentId != null).Select(m => m.JiraAttachmentId!).ToListAsync(cancellationToken);
            }

            if (issue?.Attachments.FirstOrDefault(a => a.FileName == attachment.Name && a.Size == attachment.Size && !claimed.Contains(a.Id)) is { } found)
            {
                await SaveAsync(link, item, mirror, attachment, found.Id, AttachmentMirrorState.Mirrored, null, ActivityOutcome.Applied,
                    $"Copied '{attachment.Name}'{where} to Jira (found the file an earlier attempt uploaded).", cancellationToken);
                return;
            }
        }

        mirror = await RecordIntentAsync(link, item, mirror, attachment, cancellationToken);
        await using var download = await zoho.DownloadAttachmentAsync(attachment, cancellationToken);
        await using var capped = new SizeCappedStream(download.Content, limit);
        Jira.Models.JiraAttachment uploaded;
        try
        {
            uploaded = await jira.UploadAttachmentAsync(link.JiraIssueId, attachment.Name, download.ContentType, capped, cancellationToken);
        }
        catch (Exception ex) when (capped.BytesRead > limit && ex is ExternalApiException or IOException or HttpRequestException)
        {
            var reason = ZohoAttachmentPlanner.OverLimit(attachment.Name, capped.BytesRead, limit) + " (It is larger than Zoho listed; the copy was stopped.)";
            await SaveAsync(link, item, mirror, attachment, null, AttachmentMirrorState.Skipped, reason, ActivityOutcome.Skipped, reason, cancellationToken);
            return;
        }

        await SaveAsync(link, item, mirror, attachment, uploaded.Id, AttachmentMirrorState.Mirrored, null, ActivityOutcome.Applied,
            $"Copied '{attachment.Name}' ({ZohoAttachmentPlanner.Megabytes(attachment.Size)}){where} from Zoho to Jira.", cancellationToken);
    }

    /// <summary>The file as Zoho lists it now: a thread's from the thread, the record's from its list (Zoho has no read of one
    /// record attachment). Null when it is gone.</summary>
    private static async Task<ZohoAttachment?> FindAsync(IZohoDeskClient zoho, ZohoModule module, string recordId, string attachmentId, string? threadId,
        CancellationToken cancellationToken)
    {
        if (threadId is not null)
        {
            return module == ZohoModule.Tickets
                ? (await zoho.ListThreadAttachmentsAsync(recordId, threadId, cancellationToken)).FirstOrDefault(a => a.Id == attachmentId)
                : null;
        }

        if (!module.ListsAttachments)
        {
            return null;
        }

        return await PageExtensions.StreamAsync((next, ct) => zoho.ListAttachmentsAsync(module, recordId, next, ct), cancellationToken)
            .FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
    }

    private async Task<AttachmentMirror> RecordIntentAsync(Link link, WorkItem item, AttachmentMirror? mirror, ZohoAttachment attachment,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (mirror is not null)
        {
            await db.Set<AttachmentMirror>().Where(m => m.Id == mirror.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, AttachmentMirrorState.Pending).SetProperty(m => m.UpdatedAt, now).SetProperty(m => m.WorkItemId, item.Id),
                cancellationToken);
            return mirror;
        }

        var row = NewRow(link, attachment, now);
        row.WorkItemId = item.Id;
        db.Set<AttachmentMirror>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Writes the ledger row and the activity entry in one transaction.</summary>
    private async Task SaveAsync(Link link, WorkItem item, AttachmentMirror? mirror, ZohoAttachment attachment, string? jiraAttachmentId,
        AttachmentMirrorState state, string? reason, ActivityOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        activity.Add("attachment", outcome, message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = mirror is null ? null : await db.Set<AttachmentMirror>().SingleOrDefaultAsync(m => m.Id == mirror.Id, cancellationToken);
        if (row is null)
        {
            row = NewRow(link, attachment, now);
            db.Set<AttachmentMirror>().Add(row);
        }

        row.JiraAttachmentId = jiraAttachmentId;
        row.State = state;
        row.Reason = reason is { Length: > 1000 } ? reason[..1000] : reason;
        row.Size = attachment.Size;
        row.UpdatedAt = now;
        row.WorkItemId = item.Id;
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AttachmentMirror NewRow(Link link, ZohoAttachment attachment, DateTime now) => new()
    {
        LinkId = link.Id,
        Origin = CommentOrigins.Zoho,
        ZohoAttachmentId = attachment.Id,
        ZohoThreadId = attachment.ThreadId,
        FileName = attachment.Name.Length > 512 ? attachment.Name[..512] : attachment.Name,
        Size = attachment.Size,
        State = AttachmentMirrorState.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private async Task RecordFailureAsync(Link link, WorkItem item, string message)
    {
        var activity = new SyncActivity(link, item, time.GetUtcNow().UtcDateTime);
        activity.Add("attachment", ActivityOutcome.Failed, $"Copying a Zoho file failed (attempt {item.Attempts}): {message}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
