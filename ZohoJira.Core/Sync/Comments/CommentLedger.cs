using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>Reads and writes of the comment ledger that more than one handler needs.</summary>
public static class CommentLedger
{
    /// <summary>Records the Zoho link note (a comment the connector wrote itself) so it is never mirrored; a second call
    /// for the same note changes nothing.</summary>
    public static async Task RecordConnectorNoteAsync(IDbContextFactory<ZohoJiraDbContext> dbFactory, Guid linkId, string zohoCommentId, long? workItemId,
        DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<CommentMirror>().AnyAsync(m => m.LinkId == linkId && m.ZohoCommentId == zohoCommentId, cancellationToken))
        {
            return;
        }

        db.Set<CommentMirror>().Add(new CommentMirror
        {
            LinkId = linkId,
            Origin = CommentOrigins.Connector,
            ZohoCommentId = zohoCommentId,
            CreatedAt = now,
            UpdatedAt = now,
            WorkItemId = workItemId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded meanwhile by another worker: the unique index kept one row.
        }
    }

    /// <summary>The link's ledger rows by Zoho comment id.</summary>
    public static async Task<Dictionary<string, CommentMirror>> ByZohoIdAsync(ZohoJiraDbContext db, Guid linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<CommentMirror>().AsNoTracking()
            .Where(m => m.LinkId == linkId && m.ZohoCommentId != null)
            .ToDictionaryAsync(m => m.ZohoCommentId!, StringComparer.Ordinal, cancellationToken);
    }
}
