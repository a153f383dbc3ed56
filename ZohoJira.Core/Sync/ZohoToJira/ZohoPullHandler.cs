using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>Runs <see cref="ZohoPullWork"/>: reads the Zoho record and the issue's mapped fields, sends one edit with what
/// <see cref="JiraFieldPlanner"/> planned, and records in one transaction what it wrote per field (for echo suppression),
/// the activity of the link and the figures of the run. A deleted Zoho record (or Jira issue) stops the link; nothing is
/// deleted on the other side.</summary>
public sealed class ZohoPullHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    public string Kind => ZohoPullWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, runId) = ZohoPullWork.Read(item);
        Link? link;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null)
        {
            return WorkOutcome.Succeeded; // Unlinked or stopped since the work was enqueued: nothing to do.
        }

        var model = SmartItemMapper.ToModel(link.SmartItem);
        if (!model.IsSynchronized || model.Paused)
        {
            return WorkOutcome.Succeeded;
        }

        var module = ZohoModule.FromApiName(link.ZohoModule);
        if (module is null)
        {
            return await FailAsync(link, item, runId, FailureCategory.Validation, $"The Zoho module '{link.ZohoModule}' is not supported.");
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return await FailAsync(link, item, runId, FailureCategory.Authentication, "Jira is not connected.");
        }

        try
        {
            var zoho = await zohoClients.CreateAsync(cancellationToken);
            var record = await zoho.GetRecordAsync(module, link.ZohoRecordId, cancellationToken);
            if (record is null)
            {
                await StopAsync(link, item, LinkBrokenReason.ZohoRecordDeleted,
                    $"The Zoho record {link.ZohoRecordId} was deleted; the link stopped syncing. Nothing was deleted in Jira.", cancellationToken);
                return WorkOutcome.Succeeded;
            }

            var result = await SyncAsync(jira, model, link, record, cancellationToken);
            if (result is null)
            {
                await StopAsync(link, item, LinkBrokenReason.JiraIssueDeleted,
                    $"The Jira issue {link.JiraIssueKey} was deleted or is hidden; the link stopped syncing. Nothing was deleted in Zoho.", cancellationToken);
                return WorkOutcome.Succeeded;
            }

            await RecordAsync(link, item, runId, result.Value.Plan, result.Value.Names, cancellationToken);
            return WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            var outcome = WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
            await RecordFailureAsync(link, item, runId, ex.Message);
            return outcome;
        }
    }

    /// <summary>Reads the issue (edit screen, then only the mapped fields), looks up users by e-mail, plans and sends one
    /// edit. Null when the issue is gone.</summary>
    private static async Task<(JiraFieldPlan Plan, IReadOnlyDictionary<string, string> Names)?> SyncAsync(
        IJiraClient jira, SmartItemModel model, Link link, ZohoRecord record, CancellationToken cancellationToken)
    {
        var screen = await jira.GetEditFieldsAsync(link.JiraIssueId, cancellationToken);
        if (screen is null)
        {
            return null;
        }

        var fields = screen.GroupBy(f => f.FieldId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wanted = model.Mappings.Where(m => m.WritesJira(model.Mode)).Select(m => m.JiraFieldId).Append("status").ToList();
        var issue = await jira.GetIssueAsync(link.JiraIssueId, wanted, cancellationToken);
        if (issue is null)
        {
            return null;
        }

        var users = new Dictionary<string, JiraUser?>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in JiraFieldPlanner.UserEmailsNeeded(model, record, fields))
        {
            users[email.Trim()] = await jira.FindUserByEmailAsync(email.Trim(), cancellationToken);
        }

        var plan = JiraFieldPlanner.Plan(model, record, issue.Fields, fields, users);
        if (plan.HasWrites)
        {
            await jira.EditIssueAsync(link.JiraIssueId, plan.ToEditFields(), cancellationToken);
        }

        var names = fields.ToDictionary(f => f.Key, f => f.Value.Name, StringComparer.Ordinal);
        return (plan, names);
    }

    private async Task RecordAsync(Link link, WorkItem item, long? runId, JiraFieldPlan plan, IReadOnlyDictionary<string, string> names,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        foreach (var write in plan.Writes)
        {
            var name = names.GetValueOrDefault(write.JiraFieldId, write.JiraFieldId);
            activity.Add("field", ActivityOutcome.Applied,
                write.Value is null ? $"Cleared {name} (Zoho {write.ZohoField} is blank)." : $"Set {name} from Zoho {write.ZohoField}.",
                write.Fingerprint);
        }

        foreach (var skip in plan.Skips)
        {
            activity.Add("field", ActivityOutcome.Skipped, $"{names.GetValueOrDefault(skip.JiraFieldId, skip.JiraFieldId)}: {skip.Reason}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Links.SingleOrDefaultAsync(l => l.Id == link.Id, cancellationToken);
        if (tracked is null)
        {
            return; // Unlinked while the work ran.
        }

        tracked.LastSyncedAt = now;
        tracked.LastError = null;
        tracked.LastErrorAt = null;
        var fieldIds = plan.Writes.Select(w => w.JiraFieldId).ToList();
        var existing = await db.LinkFieldWrites
            .Where(w => w.LinkId == link.Id && w.Side == LinkFieldWrite.JiraSide && fieldIds.Contains(w.FieldId))
            .ToDictionaryAsync(w => w.FieldId, StringComparer.Ordinal, cancellationToken);
        foreach (var write in plan.Writes)
        {
            if (!existing.TryGetValue(write.JiraFieldId, out var row))
            {
                row = new LinkFieldWrite { LinkId = link.Id, Side = LinkFieldWrite.JiraSide, FieldId = write.JiraFieldId };
                db.LinkFieldWrites.Add(row);
            }

            row.Value = write.Fingerprint;
            row.WrittenAt = now;
            row.WorkItemId = item.Id;
        }

        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await AddToRunAsync(db, runId, plan.Writes.Count, failures: 0, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task StopAsync(Link link, WorkItem item, LinkBrokenReason reason, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        activity.Add("link", ActivityOutcome.Info, message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Links.Where(l => l.Id == link.Id && l.BrokenAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.BrokenAt, now)
                .SetProperty(l => l.BrokenReason, reason)
                .SetProperty(l => l.LastError, message)
                .SetProperty(l => l.LastErrorAt, now),
            cancellationToken);
        if (changed == 1)
        {
            db.Activity.AddRange(activity.Entries);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<WorkOutcome> FailAsync(Link link, WorkItem item, long? runId, FailureCategory category, string message)
    {
        await RecordFailureAsync(link, item, runId, message);
        return WorkOutcome.Failed(category, message);
    }

    /// <summary>A failed attempt: the link shows the error, the activity the attempt, the run one more failure
    /// (recorded even when the worker is stopping, hence no cancellation.)</summary>
    private async Task RecordFailureAsync(Link link, WorkItem item, long? runId, string message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        activity.Add("sync", ActivityOutcome.Failed, $"Zoho → Jira sync failed (attempt {item.Attempts}): {message}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var error = message.Length > 4000 ? message[..4000] : message;
        await db.Links.Where(l => l.Id == link.Id).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.LastError, error).SetProperty(l => l.LastErrorAt, now), CancellationToken.None);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
        await AddToRunAsync(db, runId, changes: 0, failures: 1, CancellationToken.None);
    }

    private static async Task AddToRunAsync(ZohoJiraDbContext db, long? runId, int changes, int failures, CancellationToken cancellationToken)
    {
        if (runId is not { } id || (changes == 0 && failures == 0))
        {
            return;
        }

        await db.SyncRuns.Where(r => r.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ChangesApplied, r => r.ChangesApplied + changes)
                .SetProperty(r => r.Failures, r => r.Failures + failures),
            cancellationToken);
    }
}
