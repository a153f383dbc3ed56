using System.Text.Json.Nodes;
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
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Runs <see cref="JiraPushWork"/>: reads the issue's mapped fields and status and the Zoho record, sends one
/// PATCH with what <see cref="ZohoFieldPlanner"/> and <see cref="ZohoStatusChooser"/> planned, and records in one
/// transaction the activity (writes, skips, conflicts with both values) and both sides' synced values in the link's ledger.
/// One-way items send nothing back. A deleted issue or record stops the link; nothing is deleted on the other side. Vendor
/// failures become outcomes the retry policy reads; the link (and, for authentication, the item) shows the error.</summary>
public sealed class JiraPushHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    public string Kind => JiraPushWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var linkId = JiraPushWork.Read(item);
        Link? link;
        LinkBaselines baselines;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            baselines = link is null ? LinkBaselines.Empty : await LinkBaselines.LoadAsync(db, link.Id, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null)
        {
            return WorkOutcome.Succeeded; // Unlinked or stopped since the work was enqueued.
        }

        var model = SmartItemMapper.ToModel(link.SmartItem);
        if (!model.IsSynchronized || model.Paused || model.Mode == SyncMode.OneWay)
        {
            return WorkOutcome.Succeeded; // Nothing flows back from Jira.
        }

        var module = ZohoModule.FromApiName(link.ZohoModule);
        if (module is null)
        {
            return await FailAsync(link, item, ExternalSystem.ZohoDesk, FailureCategory.Validation, $"The Zoho module '{link.ZohoModule}' is not supported.", null);
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return await FailAsync(link, item, ExternalSystem.Jira, FailureCategory.Authentication, "Jira is not connected.", null);
        }

        try
        {
            var result = await SyncAsync(jira, model, link, module, baselines, cancellationToken);
            switch (result)
            {
                case { Gone: LinkBrokenReason reason }:
                    await StopAsync(link, item, reason, cancellationToken);
                    return WorkOutcome.Succeeded;
                default:
                    await RecordAsync(link, item, model, result, cancellationToken);
                    return WorkOutcome.Succeeded;
            }
        }
        catch (ExternalApiException ex)
        {
            var outcome = WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
            await RecordFailureAsync(link, item, ex.System, ex.Category, ex.Message);
            return outcome;
        }
    }

    private async Task<PushResult> SyncAsync(IJiraClient jira, SmartItemModel model, Link link, ZohoModule module,
        LinkBaselines baselines, CancellationToken cancellationToken)
    {
        var screen = await jira.GetEditFieldsAsync(link.JiraIssueId, cancellationToken);
        if (screen is null)
        {
            return PushResult.Stopped(LinkBrokenReason.JiraIssueDeleted);
        }

        var meta = screen.GroupBy(f => f.FieldId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wanted = model.Mappings.Where(m => m.WritesZoho(model.Mode)).Select(m => m.JiraFieldId).Append("status").Append("updated").Distinct().ToList();
        var issue = await jira.GetIssueAsync(link.JiraIssueId, wanted, cancellationToken);
        if (issue is null)
        {
            return PushResult.Stopped(LinkBrokenReason.JiraIssueDeleted);
        }

        var zoho = await zohoClients.CreateAsync(cancellationToken);
        var record = await zoho.GetRecordAsync(module, link.ZohoRecordId, cancellationToken);
        if (record is null)
        {
            return PushResult.Stopped(LinkBrokenReason.ZohoRecordDeleted);
        }

        var zohoFields = (await zoho.GetFieldsAsync(module, cancellationToken))
            .GroupBy(f => f.ApiName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var agents = new Dictionary<string, ZohoAgent>(StringComparer.OrdinalIgnoreCase);
        if (ZohoFieldPlanner.NeedsAgents(model, issue.Fields))
        {
            foreach (var agent in (await zoho.ListAgentsAsync(cancellationToken)).Where(a => a.Email is not null).OrderByDescending(a => a.IsActive))
            {
                agents.TryAdd(agent.Email!.Trim(), agent);
            }
        }

        var plan = ZohoFieldPlanner.Plan(model, new JiraSide(issue.Fields, meta, issue.Updated), new ZohoSide(record, zohoFields, agents), baselines);
        var status = PlanStatus(model, issue, record, zohoFields, baselines);
        var patch = plan.ToPatch();
        if (status is { Decision.Kind: ZohoStatusDecisionKind.Set, Flow.Writes: true })
        {
            patch[model.Status.ZohoStatusField] = status.Decision.Status;
        }

        if (patch.Count > 0)
        {
            await zoho.UpdateRecordAsync(module, link.ZohoRecordId, patch, cancellationToken);
        }

        var names = meta.ToDictionary(f => f.Key, f => f.Value.Name, StringComparer.Ordinal);
        return new PushResult(null, plan, status, names, issue.Status?.Name, ZohoValues.Text(record, model.Status.ZohoStatusField));
    }

    /// <summary>With status sync on: the Zoho status the Jira status maps to, and whether it flows (Jira changed it since the
    /// last sync; a conflict decided like any field's). Null when status sync is off or there is nothing to compare.</summary>
    private static StatusPlan? PlanStatus(SmartItemModel model, JiraIssue issue, ZohoRecord record,
        IReadOnlyDictionary<string, ZohoField> zohoFields, LinkBaselines baselines)
    {
        if (!model.Options.Status || issue.Status is null)
        {
            return null;
        }

        var statusField = model.Status.ZohoStatusField;
        var current = ZohoValues.Text(record, statusField);
        var values = zohoFields.GetValueOrDefault(statusField)?.AllowedValues ?? [];
        var decision = ZohoStatusChooser.Choose(model.Status, issue.Status, current, values);
        if (decision.Kind == ZohoStatusDecisionKind.Aligned)
        {
            return null;
        }

        var jiraChanged = !baselines.TryGet(LinkFieldWrite.JiraSide, "status", out var jiraBase) || !SameText(jiraBase, issue.Status.Name);
        var zohoChanged = baselines.TryGet(LinkFieldWrite.ZohoSide, statusField, out var zohoBase) && !SameText(zohoBase, current);
        var flow = FieldConflictRule.Decide(FieldConflictRule.StatusOwner(model.Mode), SyncSide.Jira, jiraChanged, zohoChanged,
            issue.Updated, record.ModifiedTime);
        return new StatusPlan(decision, flow);
    }

    private static string Quoted(string? text) => text is null ? "null" : JsonValue.Create(text).ToJsonString();

    private static bool SameText(JsonNode? node, string? text) =>
        string.Equals(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, text, StringComparison.Ordinal);

    private async Task RecordAsync(Link link, WorkItem item, SmartItemModel model, PushResult result, CancellationToken cancellationToken)
    {
        var plan = result.Plan!;
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now, ActivityDirections.JiraToZoho);
        var ledger = new List<(string Side, string FieldId, string? Value)>();
        string JiraName(string id) => result.Names.GetValueOrDefault(id, id);
        // A conflict is recorded by the direction that applies the winner's value (the other one yields without a word),
        // so it shows once whichever direction runs first.
        foreach (var conflict in plan.Conflicts.Where(c => c.Winner == SyncSide.Jira))
        {
            activity.Add("conflict", ActivityOutcome.Conflict,
                $"Conflict on {JiraName(conflict.JiraFieldId)} ↔ Zoho {conflict.ZohoField}: Jira '{conflict.JiraValue}', Zoho '{conflict.ZohoValue}'. {conflict.Winner} wins — {conflict.Reason}",
                new JsonObject { ["jira"] = conflict.JiraValue, ["zoho"] = conflict.ZohoValue, ["winner"] = conflict.Winner.ToString() }.ToJsonString());
        }

        foreach (var write in plan.Writes)
        {
            activity.Add("field", ActivityOutcome.Applied,
                write.Value is null ? $"Cleared Zoho {write.ZohoField} (Jira {JiraName(write.JiraFieldId)} is blank)." : $"Set Zoho {write.ZohoField} from Jira {JiraName(write.JiraFieldId)}.",
                write.Fingerprint);
            ledger.Add((LinkFieldWrite.ZohoSide, write.ZohoField, write.Fingerprint));
            ledger.Add((LinkFieldWrite.JiraSide, write.JiraFieldId, write.JiraValue));
        }

        foreach (var skip in plan.Skips)
        {
            activity.Add("field", ActivityOutcome.Skipped, $"Zoho {skip.ZohoField} ← {JiraName(skip.JiraFieldId)}: {skip.Reason}");
        }

        string? error = null;
        if (result.Status is { } status)
        {
            var decision = status.Decision;
            if (status.Flow.Flow == FieldFlow.ConflictWrite)
            {
                activity.Add("conflict", ActivityOutcome.Conflict,
                    $"Conflict on status: Jira '{result.JiraStatus}', Zoho '{result.ZohoStatus}'. Jira wins — {status.Flow.Reason}");
            }

            if (decision.Kind == ZohoStatusDecisionKind.NoMatch && status.Flow.Writes)
            {
                error = decision.Reason;
                activity.Add("status", ActivityOutcome.Failed, decision.Reason);
            }
            else if (decision.Kind == ZohoStatusDecisionKind.Set && status.Flow.Writes)
            {
                activity.Add("status", ActivityOutcome.Applied,
                    $"Set Zoho status from '{result.ZohoStatus}' to '{decision.Status}' for Jira '{result.JiraStatus}' (chosen by {decision.Reason}).");
                ledger.Add((LinkFieldWrite.ZohoSide, model.Status.ZohoStatusField, Quoted(decision.Status)));
                ledger.Add((LinkFieldWrite.JiraSide, "status", Quoted(result.JiraStatus)));
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Links.SingleOrDefaultAsync(l => l.Id == link.Id, cancellationToken);
        if (tracked is null)
        {
            return; // Unlinked while the work ran.
        }

        tracked.LastSyncedAt = now;
        tracked.LastError = error;
        tracked.LastErrorAt = error is null ? null : now;
        await LinkBaselines.SetAsync(db, link.Id, item.Id, now, ledger, cancellationToken);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task StopAsync(Link link, WorkItem item, LinkBrokenReason reason, CancellationToken cancellationToken)
    {
        var message = reason == LinkBrokenReason.JiraIssueDeleted
            ? $"The Jira issue {link.JiraIssueKey} was deleted or is hidden; the link stopped syncing. Nothing was deleted in Zoho."
            : $"The Zoho record {link.ZohoRecordId} was deleted; the link stopped syncing. Nothing was deleted in Jira.";
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now, ActivityDirections.JiraToZoho);
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

    private async Task<WorkOutcome> FailAsync(Link link, WorkItem item, ExternalSystem system, FailureCategory category, string message, DateTime? retryAt)
    {
        await RecordFailureAsync(link, item, system, category, message);
        return WorkOutcome.Failed(category, message, retryAt);
    }

    /// <summary>A failed attempt: the link shows the error in plain words, the activity the attempt; an authentication
    /// failure marks the item too (a Zoho reconnect clears both). Recorded even when the worker is stopping.</summary>
    private async Task RecordFailureAsync(Link link, WorkItem item, ExternalSystem system, FailureCategory category, string message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var words = FailureWords.Describe(system, category, message);
        var error = words.Length > 2000 ? words[..2000] : words;
        var activity = new SyncActivity(link, item, now, ActivityDirections.JiraToZoho);
        activity.Add("sync", ActivityOutcome.Failed, $"Jira → Zoho sync failed (attempt {item.Attempts}): {words}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.Links.Where(l => l.Id == link.Id).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.LastError, error).SetProperty(l => l.LastErrorAt, now), CancellationToken.None);
        if (category == FailureCategory.Authentication)
        {
            await db.SmartItems.Where(s => s.Id == link.SmartItemId).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.LastError, error).SetProperty(i => i.LastErrorAt, now), CancellationToken.None);
        }

        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed record StatusPlan(ZohoStatusDecision Decision, FieldFlowDecision Flow);

    private sealed record PushResult(
        LinkBrokenReason? Gone,
        ZohoFieldPlan? Plan,
        StatusPlan? Status,
        IReadOnlyDictionary<string, string> Names,
        string? JiraStatus,
        string? ZohoStatus)
    {
        public static PushResult Stopped(LinkBrokenReason reason) =>
            new(reason, null, null, new Dictionary<string, string>(), null, null);
    }
}
