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
/// the activity of the link and the figures of the run, then enqueues the record's new or changed comments and files
/// (<see cref="Comments.ZohoCommentScanner"/>, <see cref="Attachments.ZohoAttachmentScanner"/>). A deleted Zoho record (or Jira issue) stops the link; nothing is
/// deleted on the other side.</summary>
public sealed class ZohoPullHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    Comments.ZohoCommentScanner comments,
    Attachments.ZohoAttachmentScanner attachments,
    TimeProvider time) : IWorkHandler
{
    public string Kind => ZohoPullWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, runId) = ZohoPullWork.Read(item);
        Link? link;
        JiraToZoho.LinkBaselines baselines;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            baselines = link is null ? JiraToZoho.LinkBaselines.Empty : await JiraToZoho.LinkBaselines.LoadAsync(db, link.Id, cancellationToken);
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

            var result = await SyncAsync(jira, model, link, record, baselines, cancellationToken);
            if (result is null)
            {
                await StopAsync(link, item, LinkBrokenReason.JiraIssueDeleted,
                    $"The Jira issue {link.JiraIssueKey} was deleted or is hidden; the link stopped syncing. Nothing was deleted in Zoho.", cancellationToken);
                return WorkOutcome.Succeeded;
            }

            await RecordAsync(link, item, runId, result, cancellationToken);

            // New or changed comments and files become work of their own (each mirrored once, through the ledgers).
            await comments.EnqueueChangedAsync(zoho, link, model, cancellationToken);
            await attachments.EnqueueChangedAsync(zoho, link, model, cancellationToken);
            return result.Status is { Kind: StatusDecisionKind.NoPath } noPath
                ? WorkOutcome.Failed(FailureCategory.Validation, noPath.Reason) // parked: retrying cannot find a path
                : WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            var outcome = WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
            await RecordFailureAsync(link, item, runId, ex.Message);
            return outcome;
        }
    }

    /// <summary>Reads the issue (edit screen, then only the mapped fields), looks up users by e-mail, plans and sends one
    /// edit. Fields both sides own are sent only when Zoho changed them since the last sync (the link's ledger), and a
    /// conflict is decided by <see cref="JiraToZoho.FieldConflictRule"/>. Null when the issue is gone.</summary>
    private static async Task<PullResult?> SyncAsync(
        IJiraClient jira, SmartItemModel model, Link link, ZohoRecord record, JiraToZoho.LinkBaselines baselines, CancellationToken cancellationToken)
    {
        var screen = await jira.GetEditFieldsAsync(link.JiraIssueId, cancellationToken);
        if (screen is null)
        {
            return null;
        }

        var fields = screen.GroupBy(f => f.FieldId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wanted = model.Mappings.Where(m => m.WritesJira(model.Mode)).Select(m => m.JiraFieldId).Append("status").Append("updated").ToList();
        var issue = await jira.GetIssueAsync(link.JiraIssueId, wanted, cancellationToken);
        if (issue is null)
        {
            return null;
        }

        var (flowing, conflicts) = Flowing(model, record, issue, fields, baselines);
        model = model with { Mappings = flowing };
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
        var status = await SyncStatusAsync(jira, model, link, record, issue, baselines, cancellationToken);
        var written = plan.Writes.Select(w => w.JiraFieldId).ToHashSet(StringComparer.Ordinal);
        conflicts = conflicts.Where(c => c.JiraFieldId == "status" ? status?.Kind == StatusDecisionKind.Transition : written.Contains(c.JiraFieldId)).ToList();
        return new PullResult(plan, names, status, issue.Status?.Name, record, conflicts, model.Status.ZohoStatusField);
    }

    /// <summary>The mappings whose Zoho value goes to Jira now: those Zoho owns, and shared ones Zoho changed since the last
    /// sync unless Jira changed them later; with the conflicts this decides (Zoho's wins only: when Jira wins, the Jira → Zoho
    /// work records it).</summary>
    private static (List<FieldMapping> Flowing, List<JiraToZoho.FieldConflict> Conflicts) Flowing(SmartItemModel model, ZohoRecord record,
        JiraIssue issue, IReadOnlyDictionary<string, JiraFieldMeta> fields, JiraToZoho.LinkBaselines baselines)
    {
        var flowing = new List<FieldMapping>();
        var conflicts = new List<JiraToZoho.FieldConflict>();
        foreach (var mapping in model.Mappings)
        {
            if (!mapping.WritesJira(model.Mode))
            {
                continue;
            }

            record.TryGetField(mapping.ZohoField, out var zohoValue);
            var jiraValue = issue.Fields[mapping.JiraFieldId];
            var meta = fields.GetValueOrDefault(mapping.JiraFieldId) ?? new JiraFieldMeta(mapping.JiraFieldId, mapping.JiraFieldId, false, false, null, [], []);
            var zohoChanged = !baselines.TryGet(LinkFieldWrite.ZohoSide, mapping.ZohoField, out var zohoBase)
                || !JiraToZoho.ZohoFieldPlanner.Same(zohoBase, zohoValue, LedgerField(mapping.ZohoField));
            var jiraChanged = baselines.TryGet(LinkFieldWrite.JiraSide, mapping.JiraFieldId, out var jiraBase)
                && !JiraFieldPlanner.Same(jiraBase, jiraValue, meta);
            var decision = JiraToZoho.FieldConflictRule.Decide(JiraToZoho.FieldConflictRule.Owner(mapping, model.Mode), JiraToZoho.SyncSide.Zoho,
                zohoChanged, jiraChanged, record.ModifiedTime, issue.Updated);
            if (decision.Flow == JiraToZoho.FieldFlow.ConflictWrite)
            {
                conflicts.Add(new JiraToZoho.FieldConflict(mapping.JiraFieldId, mapping.ZohoField, JiraToZoho.ZohoFieldPlanner.Readable(jiraValue),
                    ZohoValues.Text(zohoValue), JiraToZoho.SyncSide.Zoho, decision.Reason));
            }

            if (decision.Writes)
            {
                flowing.Add(mapping);
            }
        }

        return (flowing, conflicts);
    }

    /// <summary>How a Zoho ledger value is compared when the module's field types are not at hand: as text, or as the same
    /// rich text.</summary>
    private static ZohoField LedgerField(string apiName) => new(apiName, apiName, apiName, "Textarea", false, false, []);

    private static string ZohoLedgerValue(ZohoRecord record, string apiName) =>
        record.TryGetField(apiName, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Undefined ? value.GetRawText() : "null";

    /// <summary>With status sync on: when Jira's status does not match the Zoho status, reads the transitions, lets
    /// <see cref="JiraStatusChooser"/> pick one and performs it. Null when status sync is off or nothing was to be done.</summary>
    private static async Task<StatusDecision?> SyncStatusAsync(IJiraClient jira, SmartItemModel model, Link link, ZohoRecord record,
        JiraIssue issue, JiraToZoho.LinkBaselines baselines, CancellationToken cancellationToken)
    {
        var current = issue.Status;
        var zohoStatus = ZohoValues.Text(record, model.Status.ZohoStatusField);
        if (!model.Options.Status || zohoStatus is null || current is null)
        {
            return null;
        }

        var zohoType = ZohoValues.Text(record, "statusType");
        if (JiraStatusChooser.IsAligned(model.Status, zohoStatus, current))
        {
            return null;
        }

        // A status both sides own moves Jira only when Zoho changed it since the last sync (and not earlier than Jira did).
        var zohoChanged = !baselines.TryGet(LinkFieldWrite.ZohoSide, model.Status.ZohoStatusField, out var zohoBase) || !SameText(zohoBase, zohoStatus);
        var jiraChanged = baselines.TryGet(LinkFieldWrite.JiraSide, "status", out var jiraBase) && !SameText(jiraBase, current.Name);
        if (!JiraToZoho.FieldConflictRule.Decide(JiraToZoho.FieldConflictRule.StatusOwner(model.Mode), JiraToZoho.SyncSide.Zoho,
                zohoChanged, jiraChanged, record.ModifiedTime, issue.Updated).Writes)
        {
            return null;
        }

        var transitions = await jira.GetTransitionsAsync(link.JiraIssueId, cancellationToken);
        var decision = JiraStatusChooser.Choose(model.Status, zohoStatus, zohoType, current, transitions);
        if (decision.Kind == StatusDecisionKind.Transition)
        {
            await jira.TransitionIssueAsync(link.JiraIssueId, decision.Transition!.Id, decision.Fields!.Count > 0 ? decision.Fields : null, cancellationToken);
        }

        return decision.Kind == StatusDecisionKind.Aligned ? null : decision;
    }

    private static bool SameText(System.Text.Json.Nodes.JsonNode? node, string? text) =>
        string.Equals(node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null, text, StringComparison.Ordinal);

    private async Task RecordAsync(Link link, WorkItem item, long? runId, PullResult result, CancellationToken cancellationToken)
    {
        var (plan, names, status, statusFrom, record, conflicts, statusField) = result;
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        foreach (var write in plan.Writes)
        {
            var name = names.GetValueOrDefault(write.JiraFieldId, write.JiraFieldId);
            activity.Add("field", ActivityOutcome.Applied,
                write.Value is null ? $"Cleared {name} (Zoho {write.ZohoField} is blank)." : $"Set {name} from Zoho {write.ZohoField}.",
                write.Fingerprint);
        }

        foreach (var conflict in conflicts)
        {
            var name = conflict.JiraFieldId == "status" ? "status" : names.GetValueOrDefault(conflict.JiraFieldId, conflict.JiraFieldId);
            activity.Add("conflict", ActivityOutcome.Conflict,
                $"Conflict on {name} ↔ Zoho {conflict.ZohoField}: Jira '{conflict.JiraValue}', Zoho '{conflict.ZohoValue}'. Zoho wins — {conflict.Reason}",
                new System.Text.Json.Nodes.JsonObject { ["jira"] = conflict.JiraValue, ["zoho"] = conflict.ZohoValue, ["winner"] = "Zoho" }.ToJsonString());
        }

        foreach (var skip in plan.Skips)
        {
            activity.Add("field", ActivityOutcome.Skipped, $"{names.GetValueOrDefault(skip.JiraFieldId, skip.JiraFieldId)}: {skip.Reason}");
        }

        var moved = status is { Kind: StatusDecisionKind.Transition };
        if (moved)
        {
            activity.Add("status", ActivityOutcome.Applied,
                $"Moved from '{statusFrom}' to '{status!.Transition!.To.Name}' with '{status.Transition.Name}' (chosen by {status.Reason}).");
        }
        else if (status is { Kind: StatusDecisionKind.NoPath })
        {
            activity.Add("status", ActivityOutcome.Failed, status.Reason);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Links.SingleOrDefaultAsync(l => l.Id == link.Id, cancellationToken);
        if (tracked is null)
        {
            return; // Unlinked while the work ran.
        }

        tracked.LastSyncedAt = now;
        tracked.LastError = status is { Kind: StatusDecisionKind.NoPath } ? status.Reason : null;
        tracked.LastErrorAt = tracked.LastError is null ? null : now;
        var written = plan.Writes.Select(w => (w.JiraFieldId, w.Fingerprint)).ToList();
        if (moved)
        {
            written.Add(("status", System.Text.Json.Nodes.JsonValue.Create(status!.Transition!.To.Name).ToJsonString()));
        }

        // Both sides' synced values: what went to Jira, and the Zoho value it came from (so an unchanged Zoho value is
        // recognised later, and a connector write that comes back from Zoho is no change).
        var ledger = written.Select(w => (LinkFieldWrite.JiraSide, w.JiraFieldId, (string?)w.Fingerprint)).ToList();
        ledger.AddRange(plan.Writes.Select(w => (LinkFieldWrite.ZohoSide, w.ZohoField, (string?)ZohoLedgerValue(record, w.ZohoField))));
        if (moved)
        {
            ledger.Add((LinkFieldWrite.ZohoSide, statusField, ZohoLedgerValue(record, statusField)));
        }

        await JiraToZoho.LinkBaselines.SetAsync(db, link.Id, item.Id, now, ledger, cancellationToken);

        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await AddToRunAsync(db, runId, written.Count, failures: status is { Kind: StatusDecisionKind.NoPath } ? 1 : 0, cancellationToken);
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

    private sealed record PullResult(JiraFieldPlan Plan, IReadOnlyDictionary<string, string> Names, StatusDecision? Status, string? StatusFrom,
        ZohoRecord Record, IReadOnlyList<JiraToZoho.FieldConflict> Conflicts, string StatusField);
}
