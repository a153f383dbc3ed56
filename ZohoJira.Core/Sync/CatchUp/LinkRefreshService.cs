using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>Refresh of one link (the issue panel's button): reloads the Zoho record and syncs it into Jira through the
/// same durable work as webhooks and the schedule, and waits for that work to finish.</summary>
public sealed class LinkRefreshService(IDbContextFactory<ZohoJiraDbContext> dbFactory, WorkQueue queue, TimeProvider time)
{
    public const string PanelTrigger = "panel";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<LinkRefreshResult> RefreshAsync(Guid linkId, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        Links.Link? link;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        }

        if (link is null)
        {
            return new LinkRefreshResult(LinkRefreshOutcome.NotFound, "The link does not exist.", null);
        }

        if (link.BrokenAt is not null)
        {
            return new LinkRefreshResult(LinkRefreshOutcome.Stopped, link.LastError, null);
        }

        var enqueued = await queue.EnqueueAsync(ZohoPullWork.For(link, trigger: PanelTrigger), cancellationToken);
        var deadline = time.GetTimestamp() + (long)((wait ?? TimeSpan.FromSeconds(30)).TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(w => w.Id == enqueued.Id, cancellationToken);
            if (item is null || item.Status == WorkItemStatus.Done)
            {
                var after = await db.Links.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
                return after?.BrokenAt is not null
                    ? new LinkRefreshResult(LinkRefreshOutcome.Stopped, after.LastError, enqueued.Id)
                    : new LinkRefreshResult(LinkRefreshOutcome.Synced, after?.LastError, enqueued.Id);
            }

            if (item.Status == WorkItemStatus.Parked)
            {
                return new LinkRefreshResult(LinkRefreshOutcome.Failed, item.LastFailureMessage, item.Id);
            }

            if (time.GetTimestamp() >= deadline)
            {
                return new LinkRefreshResult(LinkRefreshOutcome.StillWaiting, item.LastFailureMessage, item.Id);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
