using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>How a change of a Jira issue becomes work, whoever noticed it — a webhook (<see cref="JiraInboxProcessor"/>)
/// or the scheduled catch-up (<see cref="CatchUp.JiraCatchUpService"/>): the one place that finds the issue's syncing links
/// and enqueues their <see cref="JiraPushWork"/>, so both follow the same rules.</summary>
internal static class JiraChangeWork
{
    /// <summary>The links of these issues that sync (not broken, item running and not display-only), with their items.</summary>
    public static async Task<List<Link>> SyncingLinksAsync(ZohoJiraDbContext db, IReadOnlyCollection<string> issueIds, CancellationToken cancellationToken)
    {
        var links = new List<Link>();
        foreach (var chunk in issueIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            links.AddRange(await db.Links.AsNoTracking().Include(l => l.SmartItem)
                .Where(l => chunk.Contains(l.JiraIssueId) && l.BrokenAt == null && l.SmartItem != null && !l.SmartItem.IsPaused
                    && l.SmartItem.Mode != SyncMode.DisplayOnly)
                .ToListAsync(cancellationToken));
        }

        return links;
    }

    /// <summary>Whether changes of a linked issue flow back to Zoho on this item (two-way and custom items).</summary>
    public static bool FlowsToZoho(SmartItemModel item) => item.Mode is SyncMode.TwoWay or SyncMode.Custom;

    /// <summary>Enqueues (in <paramref name="db"/>'s transaction) the link's Jira → Zoho field work when the item lets Jira
    /// changes flow back; one unfinished item per link, on the Zoho record's ordering key. False when nothing was enqueued.</summary>
    public static async Task<bool> EnqueuePushAsync(ZohoJiraDbContext db, WorkQueue queue, Link link, SmartItemModel item, string trigger,
        CancellationToken cancellationToken)
    {
        if (!FlowsToZoho(item))
        {
            return false;
        }

        await queue.EnqueueAsync(db, JiraPushWork.For(link, trigger), cancellationToken);
        return true;
    }
}
