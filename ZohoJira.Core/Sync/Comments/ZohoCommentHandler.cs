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

namespace ZohoJira.Core.Sync.Comments;

/// <summary>Runs <see cref="ZohoCommentWork"/>: reads the Zoho comment, lets <see cref="ZohoCommentPlanner"/> decide, and
/// creates or updates its Jira comment. A create is recorded as an intent first (a ledger row without a Jira id) and
/// sent with a marker property naming the Zoho comment, so a worker that crashed between Jira's answer and our commit
/// finds the comment it made instead of making a second one. The ledger row and the activity are written in one
/// transaction.</summary>
public sealed class ZohoCommentHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    TimeProvider time) : IWorkHandler
{
    /// <summary>The Jira comment property that names the Zoho comment a mirror was made from.</summary>
    public const string MarkerProperty = "zohojira.mirror";

    public string Kind => ZohoCommentWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (linkId, commentId) = ZohoCommentWork.Read(item);
        Link? link;
        CommentMirror? mirror;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
            mirror = await db.Set<CommentMirror>().AsNoTracking().SingleOrDefaultAsync(m => m.LinkId == linkId && m.ZohoCommentId == commentId, cancellationToken);
        }

        if (link?.SmartItem is null || link.BrokenAt is not null || commentId.Length == 0
            || ZohoModule.FromApiName(link.ZohoModule) is not { HasComments: true } module)
        {
            return WorkOutcome.Succeeded;
        }

        var model = SmartItemMapper.ToModel(link.SmartItem);
        if (!model.IsSynchronized || model.Paused || !model.Options.Comments)
        {
            return WorkOutcome.Succeeded; // Comments sync was turned off since the work was enqueued.
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return await FailAsync(link, item, FailureCategory.Authentication, "Jira is not connected.");
        }

        try
        {
            var zoho = await zohoClients.CreateAsync(cancellationToken);
            var comment = await zoho.GetCommentAsync(module, link.ZohoRecordId, commentId, cancellationToken);
            if (comment is null || mirror is { Origin: not CommentOrigins.Zoho })
            {
                return WorkOutcome.Succeeded;
            }

            var issue = await jira.GetIssueAsync(link.JiraIssueId, ["project"], cancellationToken);
            if (issue is null)
            {
                return WorkOutcome.Succeeded; // The issue is gone: the next pull stops the link.
            }

            var projectType = (issue.Fields["project"] as JsonObject)?["projectTypeKey"] is JsonValue type && type.TryGetValue<string>(out var key) ? key : null;
            var plan = ZohoCommentPlanner.Plan(comment, mirror, projectType);
            switch (plan.Action)
            {
                case ZohoCommentAction.Skip:
                    await SaveAsync(link, item, mirror, commentId, null, ZohoCommentPlanner.SkippedPrefix + plan.Hash, ActivityOutcome.Skipped,
                        $"{Author(comment)}'s Zoho comment was not mirrored. {plan.Reason}", cancellationToken);
                    break;
                case ZohoCommentAction.Create:
                    await CreateAsync(jira, link, item, mirror, comment, plan, cancellationToken);
                    break;
                case ZohoCommentAction.Update:
                    var input = Input(link, commentId, plan);
                    await jira.UpdateCommentAsync(link.JiraIssueId, mirror!.JiraCommentId!, input, cancellationToken);
                    await SaveAsync(link, item, mirror, commentId, mirror.JiraCommentId, plan.Hash, ActivityOutcome.Applied,
                        $"Updated the Jira comment mirroring {Author(comment)}'s Zoho comment{Audience(plan)}.", cancellationToken);
                    break;
                default:
                    break;
            }

            return WorkOutcome.Succeeded;
        }
        catch (ExternalApiException ex)
        {
            await RecordFailureAsync(link, item, ex.Message);
            return WorkOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }

    private async Task CreateAsync(IJiraClient jira, Link link, WorkItem item, CommentMirror? mirror, ZohoComment comment, ZohoCommentPlan plan,
        CancellationToken cancellationToken)
    {
        var input = Input(link, comment.Id, plan);

        // A row without a Jira id and without a hash is an intent some earlier attempt recorded: its create may have
        // reached Jira. Look for the marker before creating again.
        if (mirror is { JiraCommentId: null, ContentHash: null } && await FindMirrorAsync(jira, link, comment.Id, cancellationToken) is { } found)
        {
            await jira.UpdateCommentAsync(link.JiraIssueId, found.Id, input, cancellationToken);
            await SaveAsync(link, item, mirror, comment.Id, found.Id, plan.Hash, ActivityOutcome.Applied,
                $"Mirrored {Author(comment)}'s Zoho comment (found the Jira comment an earlier attempt made){Audience(plan)}.", cancellationToken);
            return;
        }

        mirror = await RecordIntentAsync(link, item, mirror, comment.Id, cancellationToken);
        var created = await jira.AddCommentAsync(link.JiraIssueId, input, cancellationToken);
        await SaveAsync(link, item, mirror, comment.Id, created.Id, plan.Hash, ActivityOutcome.Applied,
            $"Mirrored {Author(comment)}'s Zoho comment as a Jira comment{Audience(plan)}.", cancellationToken);
    }

    private static JiraCommentInput Input(Link link, string zohoCommentId, ZohoCommentPlan plan) => new(plan.Body!)
    {
        Internal = plan.Internal,
        Properties = new Dictionary<string, JsonNode>
        {
            [MarkerProperty] = new JsonObject { ["zohoCommentId"] = zohoCommentId, ["linkId"] = link.Id.ToString("D") },
        },
    };

    private static async Task<JiraComment?> FindMirrorAsync(IJiraClient jira, Link link, string zohoCommentId, CancellationToken cancellationToken)
    {
        await foreach (var candidate in PageExtensions.StreamAsync((next, ct) => jira.GetCommentsAsync(link.JiraIssueId, next, ct), cancellationToken))
        {
            if (candidate.Properties.GetValueOrDefault(MarkerProperty) is JsonObject marker
                && marker["zohoCommentId"]?.GetValue<string>() == zohoCommentId
                && marker["linkId"]?.GetValue<string>() == link.Id.ToString("D"))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Commits the intent to create (a row without a Jira id or hash) before Jira is called.</summary>
    private async Task<CommentMirror> RecordIntentAsync(Link link, WorkItem item, CommentMirror? mirror, string zohoCommentId, CancellationToken cancellationToken)
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
            Origin = CommentOrigins.Zoho,
            ZohoCommentId = zohoCommentId,
            CreatedAt = now,
            UpdatedAt = now,
            WorkItemId = item.Id,
        };
        db.Set<CommentMirror>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Writes the ledger row and the activity entry in one transaction.</summary>
    private async Task SaveAsync(Link link, WorkItem item, CommentMirror? mirror, string zohoCommentId, string? jiraCommentId, string? hash,
        ActivityOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        activity.Add("comment", outcome, message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = mirror is null ? null : await db.Set<CommentMirror>().SingleOrDefaultAsync(m => m.Id == mirror.Id, cancellationToken);
        if (row is null)
        {
            row = new CommentMirror { LinkId = link.Id, Origin = CommentOrigins.Zoho, ZohoCommentId = zohoCommentId, CreatedAt = now };
            db.Set<CommentMirror>().Add(row);
        }

        row.JiraCommentId = jiraCommentId;
        row.ContentHash = hash;
        row.UpdatedAt = now;
        row.WorkItemId = item.Id;
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<WorkOutcome> FailAsync(Link link, WorkItem item, FailureCategory category, string message)
    {
        await RecordFailureAsync(link, item, message);
        return WorkOutcome.Failed(category, message);
    }

    private async Task RecordFailureAsync(Link link, WorkItem item, string message)
    {
        var activity = new SyncActivity(link, item, time.GetUtcNow().UtcDateTime);
        activity.Add("comment", ActivityOutcome.Failed, $"Mirroring a Zoho comment failed (attempt {item.Attempts}): {message}");
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Activity.AddRange(activity.Entries);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Author(ZohoComment comment) => string.IsNullOrWhiteSpace(comment.CommenterName) ? "A Zoho user" : comment.CommenterName.Trim();

    private static string Audience(ZohoCommentPlan plan) => plan.Internal ? " (internal: customers do not see it)" : string.Empty;
}
