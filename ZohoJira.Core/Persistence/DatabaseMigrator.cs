using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ZohoJira.Core.Persistence;

/// <summary>Applies pending migrations of the configured provider. EF takes a database lock while migrating, so several
/// instances starting together on PostgreSQL apply each migration once. A SQLite file is switched to write-ahead logging.</summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<ZohoJiraDbContext> dbFactory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never block the writer nor the writer them, so the webhook receivers, the
            // workers and the scheduler can share one file; writers take turns (busy timeout). Kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, db.Database.ProviderName ?? "?");
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Applying {Count} database migration(s) on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string provider);
}
