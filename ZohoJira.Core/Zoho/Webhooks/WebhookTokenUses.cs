using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Bounds what one webhook token can carry. Zoho's JWT signs only its claims (issuer, audience, issued and expiry
/// times in whole seconds), not the body, so two deliveries of one subscription within the same second carry the very
/// same token: a token may bring a burst of different bodies, up to <see cref="MaxBodiesPerToken"/>, each stored once;
/// a captured token cannot carry more. A forged body within the burst can only make the connector read the named record
/// from Zoho again — events are never trusted for values. Shared through the database, so every instance counts alike.</summary>
public sealed class WebhookTokenUses(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Different bodies one token may bring (Zoho's deliveries of one subscription within one second).</summary>
    public const int MaxBodiesPerToken = 500;

    /// <summary>True for a body this token has not brought before, while the token has brought fewer than
    /// <see cref="MaxBodiesPerToken"/>, and for a repeat of a delivery already accepted (the inbox keeps one copy);
    /// false once the token's burst is spent.</summary>
    public async Task<bool> TryUseAsync(string tokenHash, string bodyHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        ArgumentException.ThrowIfNullOrEmpty(bodyHash);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await db.WebhookTokenUses.AsNoTracking().Where(u => u.TokenHash == tokenHash).Select(u => u.BodyHash)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (bodies.Contains(bodyHash))
        {
            return true;
        }

        if (bodies.Count >= MaxBodiesPerToken)
        {
            return false;
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
            // The same delivery arrived twice at once; the primary key kept one.
            return true;
        }
    }
}
