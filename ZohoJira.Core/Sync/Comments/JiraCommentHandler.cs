using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>Runs <see cref="JiraCommentWork"/>: reads the Jira comment, lets <see cref="JiraCommentPlanner"/> decide, and
/// creates or updates its Zoho comment (private unless the item chooses otherwise). A create is recorded as an intent
/// first (a ledger row without a Zoho id); the HTML carries the Jira comment id in a marker attribute, so a worker that
/// crashed between Zoho's answer and our commit finds the comment it made instead of making a second one. The ledger row
/// and the activity are written in one transaction.</summary>
public sealed class JiraCommentHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    public string Kind => JiraCommentWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, commentId) = JiraCommentWork.Read(item);
        Link? link;
        CommentMirror? mirror;
        string? connectorAccountId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            mirror = await db.Set<CommentMirror>().AsNoTracking().SingleOrDefaultAsync(m => m.LinkId == linkId && m.JiraCommentId == commentId, cancellationToken);
            connectorAccountId = await JiraMirrorScope.ConnectorAccountIdAsync(db, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null || commentId.Length == 0
            || !JiraMirrorScope.MirrorsComments(SmartItemMapper.ToModel(link.SmartItem), link.ZohoModule)
            || ZohoModule.FromApiName(link.ZohoModule) is not { } module)
        {
            return WorkOutcome.Succeeded; // Comment sync back to Zoho was turned off since the work was enqueued.
        }

        var model = SmartItemMapper.ToModel(link.SmartItem);
        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            await RecordFailureAsync(link, item, "Jira is not connected.");
            return WorkOutcome.Failed(FailureCategory.Authentication, "Jira is not connected.");
        }

        try
        {
            var comment = await jira.GetCommentAsync(link.JiraIssueId, commentId, cancellationToken);
            var plan = JiraCommentPlanner.Plan(comment, mirror, model.Options.JiraCommentVisibility, connectorAccountId);
            if (plan.Action == JiraCommentAction.None)
            {
                return WorkOutcome.Succeeded;
            }

            var zoho = await zohoClients.CreateAsync(cancellationToken);
            var input = new ZohoCommentInput(plan.Html!, plan.IsPublic);
            if (plan.Action == JiraCommentAction.Create)
            {
                await CreateAsync(zoho, module, link, item, mirror, comment!, plan, input, cancellationToken);
                return WorkOutcome.Succeeded;
            }

            try
            {
                await zoho.UpdateCommentAsync(module, link.ZohoRecordId, mirror!.ZohoCommentId!, input, cancellationToken);
            }
            catch (ExternalApiException ex) when (ex.Category == FailureCategory.NotFound)
            {
                await SaveAsync(link, item, mirror, commentId, mirror!.ZohoCommentId, plan.Hash, ActivityOutcome.Skipped,
                    $"{JiraCommentPlanner.Author(comment!)}'s Jira comment changed, but its Zoho comment was deleted; the change was not mirrored.", cancellationToken);
                return WorkOutcome.Succeeded;
            }

            await SaveAsync(link, item, mirror, commentId, mirror.ZohoCommentId, plan.Hash, ActivityOutcome.Applied,
                $"Updated the Zoho comment mirroring {JiraCommentPlanner.Author(comment!)}'s Jira comment{Audience(plan)}.", cancellationToken);
            return WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            await RecordFailureAsync(link, item, ex.Message);
            return WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }

    private async Task CreateAsync(IZohoDeskClient zoho, ZohoModule module, Link link, WorkItem item, CommentMirror? mirror, JiraComment comment,
        JiraCommentPlan plan, ZohoCommentInput input, CancellationToken cancellationToken)
    {
        // A row without a Zoho id is an intent some earlier attempt recorded: its create may have reached Zoho. Look for
        // the marker before creating again.
        if (mirror is { ZohoCommentId: null } && await FindMirrorAsync(zoho, module, link, comment.Id, cancellationToken) is { } found)
        {
            if (found.Content != input.Content || found.IsPublic != input.IsPublic)
            {
                await zoho.UpdateCommentAsync(module, link.ZohoRecordId, found.Id, input, cancellationToken);
            }

            await SaveAsync(link, item, mirror, comment.Id, found.Id, plan.Hash, ActivityOutcome.Applied,
                $"Mirrored {JiraCommentPlanner.Author(comment)}'s Jira comment (found the Zoho comment an earlier attempt made){Audience(plan)}.", cancellationToken);
            return;
        }

        mirror = await RecordIntentAsync(link, item, mirror, comment.Id, cancellationToken);
        var created = await zoho.CreateCommentAsync(module, link.ZohoRecordId, input, cancellationToken);
        await SaveAsync(link, item, mirror, comment.Id, created.Id, plan.Hash, ActivityOutcome.Applied,
            $"Mirrored {JiraCommentPlanner.Author(comment)}'s Jira comment as a Zoho comment{Audience(plan)}.", cancellationToken);
    }

    /// <summary>A comment of the record that carries the Jira comment's marker and that no ledger row of the link claims.</summary>
    private async Task<ZohoComment?> FindMirrorAsync(IZohoDeskClient zoho, ZohoModule module, Link link, string jiraCommentId, CancellationToken cancellationToken)
    {
        Dictionary<string, CommentMirror> claimed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            claimed = await CommentLedger.ByZohoIdAsync(db, link.Id, cancellationToken);
        }

        await foreach (var candidate in PageExtensions.StreamAsync((next, ct) => zoho.ListCommentsAsync(module, link.ZohoRecordId, next, ct), cancellationToken))
        {
            if (JiraCommentPlanner.IsMirrorOf(candidate.Content, jiraCommentId) && !claimed.ContainsKey(candidate.Id))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Commits the intent to create (a row without a Zoho id or hash) before Zoho is called.</summary>
    private async Task<CommentMirror> RecordIntentAsync(Link link, WorkItem item, CommentMirror? mirror, string jiraCommentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (mirror is not null)
        {
            await db.Set<CommentMirror>().Where(m => m.Id == mirror.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ContentHash, (string?)null).SetProperty(m => m.UpdatedAt, now).SetProperty(m => m.WorkItemId, item.Id),
                cancellationToken);
            return mirror;
        }

        var row = new CommentMirror
        {
            LinkId = link.Id,
            Origin = CommentOrigins.Jira,
            JiraCommentId = jiraCommentId,
            CreatedAt = now,
            UpdatedAt = now,
            WorkItemId = item.Id,
        };
        db.Set<CommentMirror>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Writes the ledger row and the activity entry in one transaction.</summary>
    private async Task SaveAsync(Link link, WorkItem item, CommentMirror? mirror, string jiraCommentId, string? zohoCommentId, string? hash,
        ActivityOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now, ActivityDirections.JiraToZoho);
        activity.Add("comment", outcome, message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = mirror is null ? null : await db.Set<CommentMirror>().SingleOrDefaultAsync(m => m.Id == mirror.Id, cancellationToken);
        if (row is null)
        {
            row = new CommentMirror { LinkId = link.Id, Origin = CommentOrigins.Jira, JiraCommentId = jiraCommentId, CreatedAt = now };
            db.Set<CommentMirror>().Add(row);
        }

        row.ZohoCommentId = zohoCommentId;
        row.ContentHash = hash;
        row.UpdatedAt = now;
        row.WorkItemId = item.Id;
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RecordFailureAsync(Link link, WorkItem item, string message)
    {
        var activity = new SyncActivity(link, item, time.GetUtcNow().UtcDateTime, ActivityDirections.JiraToZoho);
        activity.Add("comment", ActivityOutcome.Failed, $"Mirroring a Jira comment failed (attempt {item.Attempts}): {message}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Audience(JiraCommentPlan plan) => plan.IsPublic ? " (public: customers see it)" : " (private: customers do not see it)";
}
