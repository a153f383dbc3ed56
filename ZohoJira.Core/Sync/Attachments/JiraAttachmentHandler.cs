using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Comments;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>Runs <see cref="JiraAttachmentWork"/>: finds the file on the Jira issue, lets <see cref="JiraAttachmentPlanner"/>
/// decide, and streams it from Jira's download straight into Zoho's upload (never the whole file in memory; a file that
/// turns out larger than the limit while streaming is stopped and skipped). Files go to the record privately. An upload is
/// recorded as an intent first, so a worker that crashed between Zoho's answer and our commit adopts the file it uploaded
/// (same name and size on the record, not yet in the ledger) instead of uploading it twice. Skips are recorded once, in
/// the ledger and the activity.</summary>
public sealed class JiraAttachmentHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    public string Kind => JiraAttachmentWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, attachmentId) = JiraAttachmentWork.Read(item);
        Link? link;
        AttachmentMirror? mirror;
        string? connectorAccountId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            mirror = await db.Set<AttachmentMirror>().AsNoTracking()
                .SingleOrDefaultAsync(m => m.LinkId == linkId && m.JiraAttachmentId == attachmentId, cancellationToken);
            connectorAccountId = await JiraMirrorScope.ConnectorAccountIdAsync(db, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null || attachmentId.Length == 0
            || !JiraMirrorScope.MirrorsAttachments(SmartItemMapper.ToModel(link.SmartItem), link.ZohoModule)
            || ZohoModule.FromApiName(link.ZohoModule) is not { } module)
        {
            return WorkOutcome.Succeeded; // Attachment sync back to Zoho was turned off since the work was enqueued.
        }

        var limit = SmartItemMapper.ToModel(link.SmartItem).Options.AttachmentSizeLimitBytes;
        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            await RecordFailureAsync(link, item, "Jira is not connected.");
            return WorkOutcome.Failed(FailureCategory.Authentication, "Jira is not connected.");
        }

        try
        {
            var issue = await jira.GetIssueAsync(link.JiraIssueId, ["attachment"], cancellationToken);
            var attachment = issue?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
            var (action, reason) = JiraAttachmentPlanner.Plan(attachment, mirror, limit, connectorAccountId);
            if (action == JiraAttachmentAction.Skip)
            {
                await SaveAsync(link, item, mirror, attachment!, null, AttachmentMirrorState.Skipped, reason, ActivityOutcome.Skipped, reason, cancellationToken);
            }
            else if (action == JiraAttachmentAction.Upload)
            {
                var zoho = await zohoClients.CreateAsync(cancellationToken);
                await UploadAsync(jira, zoho, module, link, item, mirror, attachment!, limit, cancellationToken);
            }

            return WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            await RecordFailureAsync(link, item, ex.Message);
            return WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }

    private async Task UploadAsync(Jira.IJiraClient jira, IZohoDeskClient zoho, ZohoModule module, Link link, WorkItem item, AttachmentMirror? mirror,
        JiraAttachment attachment, long limit, CancellationToken cancellationToken)
    {
        if (mirror is { State: AttachmentMirrorState.Pending } && module.ListsAttachments)
        {
            // An earlier attempt may have uploaded it before it could record so: adopt a file of the same name and size
            // that no ledger row claims yet.
            List<string> claimed;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                claimed = await db.Set<AttachmentMirror>().AsNoTracking()
                    .Where(m => m.LinkId == link.Id && m.ZohoAttachmentId != null).Select(m => m.ZohoAttachmentId!).ToListAsync(cancellationToken);
            }

            var found = await PageExtensions.StreamAsync((next, ct) => zoho.ListAttachmentsAsync(module, link.ZohoRecordId, next, ct), cancellationToken)
                .FirstOrDefaultAsync(a => a.Name == attachment.FileName && a.Size == attachment.Size && !claimed.Contains(a.Id), cancellationToken);
            if (found is not null)
            {
                await SaveAsync(link, item, mirror, attachment, found.Id, AttachmentMirrorState.Mirrored, null, ActivityOutcome.Applied,
                    $"Copied '{attachment.FileName}' to Zoho (found the file an earlier attempt uploaded).", cancellationToken);
                return;
            }
        }

        mirror = await RecordIntentAsync(link, item, mirror, attachment, cancellationToken);
        await using var download = await jira.DownloadAttachmentAsync(attachment.Id, cancellationToken);
        if (download is null)
        {
            return; // Deleted in Jira since; deletions are not mirrored. The pending row is retried by nothing and harmless.
        }

        await using var capped = new SizeCappedStream(download.Content, limit);
        ZohoAttachment uploaded;
        try
        {
            uploaded = await zoho.UploadAttachmentAsync(module, link.ZohoRecordId, attachment.FileName, capped, isPublic: false, cancellationToken);
        }
        catch (Exception ex) when (capped.BytesRead > limit && ex is ExternalApiException or IOException or HttpRequestException)
        {
            var reason = JiraAttachmentPlanner.OverLimit(attachment.FileName, capped.BytesRead, limit) + " (It is larger than Jira listed; the copy was stopped.)";
            await SaveAsync(link, item, mirror, attachment, null, AttachmentMirrorState.Skipped, reason, ActivityOutcome.Skipped, reason, cancellationToken);
            return;
        }

        await SaveAsync(link, item, mirror, attachment, uploaded.Id, AttachmentMirrorState.Mirrored, null, ActivityOutcome.Applied,
            $"Copied '{attachment.FileName}' ({ZohoAttachmentPlanner.Megabytes(attachment.Size)}) from Jira to Zoho.", cancellationToken);
    }

    private async Task<AttachmentMirror> RecordIntentAsync(Link link, WorkItem item, AttachmentMirror? mirror, JiraAttachment attachment,
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
    private async Task SaveAsync(Link link, WorkItem item, AttachmentMirror? mirror, JiraAttachment attachment, string? zohoAttachmentId,
        AttachmentMirrorState state, string? reason, ActivityOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now, ActivityDirections.JiraToZoho);
        activity.Add("attachment", outcome, message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = mirror is null ? null : await db.Set<AttachmentMirror>().SingleOrDefaultAsync(m => m.Id == mirror.Id, cancellationToken);
        if (row is null)
        {
            row = NewRow(link, attachment, now);
            db.Set<AttachmentMirror>().Add(row);
        }

        row.ZohoAttachmentId = zohoAttachmentId;
        row.State = state;
        row.Reason = reason is { Length: > 1000 } ? reason[..1000] : reason;
        row.Size = attachment.Size;
        row.UpdatedAt = now;
        row.WorkItemId = item.Id;
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AttachmentMirror NewRow(Link link, JiraAttachment attachment, DateTime now) => new()
    {
        LinkId = link.Id,
        Origin = CommentOrigins.Jira,
        JiraAttachmentId = attachment.Id,
        FileName = attachment.FileName.Length > 512 ? attachment.FileName[..512] : attachment.FileName,
        Size = attachment.Size,
        State = AttachmentMirrorState.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private async Task RecordFailureAsync(Link link, WorkItem item, string message)
    {
        var activity = new SyncActivity(link, item, time.GetUtcNow().UtcDateTime, ActivityDirections.JiraToZoho);
        activity.Add("attachment", ActivityOutcome.Failed, $"Copying a Jira file failed (attempt {item.Attempts}): {message}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
