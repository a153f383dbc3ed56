using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Accepts each webhook token once. Zoho's JWT signs only its claims, not the body, so without this a captured
/// token would carry any body until it expires. Shared through the database, so every instance refuses the replay.</summary>
public sealed class WebhookTokenUses(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time)
{
    /// <summary>True the first time a token is used, and again only with the very same body (a repeat of the delivery);
    /// false for the token with another body.</summary>
    public async Task<bool> TryUseAsync(string tokenHash, string bodyHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        ArgumentException.ThrowIfNullOrEmpty(bodyHash);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var seen = await db.WebhookTokenUses.AsNoTracking().Where(u => u.TokenHash == tokenHash).Select(u => u.BodyHash)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (seen is not null)
        {
            return seen == bodyHash;
        }

        // Expired uses can go: their tokens are refused as expired anyway.
        await db.WebhookTokenUses.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.WebhookTokenUses.Add(new WebhookTokenUse { TokenHash = tokenHash, BodyHash = bodyHash, ExpiresAt = expiresAt.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same token arrived twice at once; the primary key kept one.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var winner = await check.WebhookTokenUses.AsNoTracking().Where(u => u.TokenHash == tokenHash).Select(u => u.BodyHash)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return winner == bodyHash;
        }
    }
}
