using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Runs <see cref="JiraMirrorScanWork"/>: reads the issue's comments and files through
/// <see cref="JiraIssueMirrorScanner"/> and enqueues one mirroring item for each the ledger lacks. Running it twice is
/// harmless: the mirroring work is keyed by comment and file, and its handlers re-check the ledger.</summary>
public sealed class JiraMirrorScanHandler(IDbContextFactory<ZohoJiraDbContext> dbFactory, JiraIssueMirrorScanner scanner) : IWorkHandler
{
    public string Kind => JiraMirrorScanWork.Kind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var linkId = JiraMirrorScanWork.Read(item);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link?.SmartItem is null)
        {
            return WorkOutcome.Succeeded; // Unlinked since.
        }

        await scanner.EnqueueAsync(link, SmartItemMapper.ToModel(link.SmartItem), cancellationToken);
        return WorkOutcome.Succeeded;
    }
}
