using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Activity;

/// <summary>Deletes activity older than the retention period, in batches so a large backlog never holds a long lock.</summary>
public sealed class ActivityRetentionService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IOptionsMonitor<ActivityOptions> options,
    TimeProvider time)
{
    private const int BatchSize = 5_000;

    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var days = options.CurrentValue.RetentionDays;
        if (days <= 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Activity.Where(a => a.OccurredAt < cutoff)
                .OrderBy(a => a.Id)
                .Select(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await db.Activity.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
