using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

namespace ZohoJira.Core.Sync.AutoCreate;

/// <summary>Creates the Jira issue of one new Zoho record, never two. Jira has no idempotency key, so the intent is stored
/// before the create and the create carries a searchable marker label; an attempt that finds an earlier intent without its
/// link (the process died between Jira's answer and our commit) searches for the marker — several times, as Jira's search
/// lags — and adopts the issue it finds. The create sends only mapped fields on the create screen (blank optional ones
/// left out; an empty summary becomes <c>#number subject</c>); the link (auto-managed), the intent's completion, the
/// pull that applies the other fields and the link announcement commit together.</summary>
public sealed class JiraCreateHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    WorkQueue queue,
    WorkSignal signal,
    TimeProvider time,
    IOptions<AutoCreateOptions> options) : IWorkHandler
{
    public string Kind => AutoCreateWork.CreateKind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payload = JsonNode.Parse(item.Payload)!.AsObject();
        var itemId = Guid.Parse(payload["smartItemId"]!.GetValue<string>());
        var moduleName = payload["module"]!.GetValue<string>();
        var recordId = payload["recordId"]!.GetValue<string>();

        SmartItemDefinition? entity;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            entity = await db.SmartItems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == itemId, cancellationToken);
            if (entity is null || await db.Links.AnyAsync(l => l.SmartItemId == itemId && l.ZohoRecordId == recordId, cancellationToken))
            {
                return WorkOutcome.Succeeded; // Item gone, or the record is linked already.
            }
        }

        var model = SmartItemMapper.ToModel(entity);
        var module = ZohoModule.FromApiName(moduleName);
        if (module is null || model.JiraIssueTypeId is null || !model.Options.AutoCreate || model.Paused)
        {
            return WorkOutcome.Succeeded;
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return WorkOutcome.Failed(FailureCategory.Authentication, "Jira is not connected.");
        }

        var zoho = await zohoClients.CreateAsync(cancellationToken);
        var marker = AutoCreateWork.Marker(zoho.OrgId, module.ApiName, recordId);
        var earlier = await RecordIntentAsync(itemId, module.ApiName, recordId, marker, cancellationToken);
        if (earlier)
        {
            var found = await FindByMarkerAsync(jira, model.JiraProjectKey, marker, cancellationToken);
            if (found is not null)
            {
                await LinkAsync(entity, module.ApiName, recordId, new JiraCreatedIssue(found.Id, found.Key), item, adopted: true, cancellationToken);
                return WorkOutcome.Succeeded;
            }
        }

        var record = await zoho.GetRecordAsync(module, recordId, cancellationToken);
        if (record is null || !AutoCreateWork.IsCandidate(model, record))
        {
            await ForgetIntentAsync(itemId, recordId, cancellationToken);
            return WorkOutcome.Succeeded; // Deleted, older than the baseline, or no longer matching the rules.
        }

        var screen = (await jira.GetCreateFieldsAsync(model.JiraProjectKey, model.JiraIssueTypeId, cancellationToken))
            .GroupBy(f => f.FieldId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var users = new Dictionary<string, JiraUser?>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in JiraFieldPlanner.UserEmailsNeeded(model, record, screen))
        {
            users[email.Trim()] = await jira.FindUserByEmailAsync(email.Trim(), cancellationToken);
        }

        var plan = JiraFieldPlanner.Plan(model, record, [], screen, users);
        var fields = new JsonObject();
        foreach (var write in plan.Writes.Where(w => w.Value is not null))
        {
            fields[write.JiraFieldId] = write.Value!.DeepClone();
        }

        if (fields["summary"] is not JsonValue summary || string.IsNullOrWhiteSpace(summary.GetValue<string>()))
        {
            var fallback = AutoCreateWork.FallbackSummary(record);
            fields["summary"] = fallback.Length > JiraFieldPlanner.SummaryMaxLength ? fallback[..JiraFieldPlanner.SummaryMaxLength] : fallback;
        }

        var labelsOnCreate = screen.ContainsKey("labels");
        if (labelsOnCreate)
        {
            var labels = fields["labels"] as JsonArray ?? [];
            labels.Add(marker);
            fields["labels"] = labels;
        }

        var created = await jira.CreateIssueAsync(new JiraIssueCreate(model.JiraProjectKey, model.JiraIssueTypeId, fields), cancellationToken);
        if (!labelsOnCreate)
        {
            // The create screen has no labels: mark the issue right after, so a crash from here on is still recovered.
            await jira.EditIssueAsync(created.Id, new JsonObject { ["labels"] = new JsonArray(marker) }, cancellationToken);
        }

        await LinkAsync(entity, module.ApiName, recordId, created, item, adopted: false, cancellationToken);
        return WorkOutcome.Succeeded;
    }

    /// <summary>Stores the intent; true when one was there already (an earlier attempt may have created the issue).</summary>
    private async Task<bool> RecordIntentAsync(Guid itemId, string module, string recordId, string marker, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.IssueCreateIntents.AnyAsync(i => i.SmartItemId == itemId && i.ZohoRecordId == recordId, cancellationToken))
        {
            return true;
        }

        db.IssueCreateIntents.Add(new IssueCreateIntent
        {
            SmartItemId = itemId,
            ZohoModule = module,
            ZohoRecordId = recordId,
            Marker = marker,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        catch (DbUpdateException)
        {
            return true; // Another attempt recorded it first.
        }
    }

    private async Task ForgetIntentAsync(Guid itemId, string recordId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IssueCreateIntents.Where(i => i.SmartItemId == itemId && i.ZohoRecordId == recordId && i.CompletedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The issue that carries the marker and no link yet (another item may have made one for the same record),
    /// asked several times before concluding there is none.</summary>
    private async Task<JiraIssue?> FindByMarkerAsync(IJiraClient jira, string project, string marker, CancellationToken cancellationToken)
    {
        var request = new JiraSearchRequest($"project = \"{project}\" AND labels = \"{marker}\" ORDER BY created ASC", ["summary", "labels"], MaxResults: 20);
        var attempts = Math.Max(1, options.Value.CreateLookupAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var page = await jira.SearchIssuesAsync(request, cancellationToken: cancellationToken);
            if (page.Items.Count > 0)
            {
                var ids = page.Items.Select(i => i.Id).ToList();
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var linked = await db.Links.Where(l => ids.Contains(l.JiraIssueId)).Select(l => l.JiraIssueId).ToListAsync(cancellationToken);
                if (page.Items.FirstOrDefault(i => !linked.Contains(i.Id)) is { } free)
                {
                    return free;
                }
            }

            if (attempt < attempts)
            {
                await Task.Delay(options.Value.CreateLookupDelay, time, cancellationToken);
            }
        }

        return null;
    }

    private async Task LinkAsync(SmartItemDefinition entity, string module, string recordId, JiraCreatedIssue issue, WorkItem item, bool adopted,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var link = new Link
        {
            Id = Guid.NewGuid(),
            SmartItemId = entity.Id,
            JiraIssueId = issue.Id,
            JiraIssueKey = issue.Key,
            ZohoModule = module,
            ZohoRecordId = recordId,
            Kind = LinkKind.AutoManaged,
            CreatedAt = now,
            CreatedBy = "auto-create",
        };
        var activity = new SyncActivity(link, item, now);
        activity.Add("link", ActivityOutcome.Applied, adopted
            ? $"Adopted {issue.Key}, created for Zoho {module} {recordId} by an earlier attempt that did not finish."
            : $"Created {issue.Key} for the new Zoho {module} record {recordId}.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Links.Add(link);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await db.IssueCreateIntents.Where(i => i.SmartItemId == entity.Id && i.ZohoRecordId == recordId).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.JiraIssueId, issue.Id).SetProperty(i => i.JiraIssueKey, issue.Key).SetProperty(i => i.CompletedAt, now),
            cancellationToken);
        await queue.EnqueueAsync(db, ZohoPullWork.For(link, trigger: "auto-create"), cancellationToken);
        await queue.EnqueueAsync(db, AutoCreateWork.Announce(link), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
    }
}
