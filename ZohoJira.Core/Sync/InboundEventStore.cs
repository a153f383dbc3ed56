using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync;

/// <summary>Durable intake for verified webhook deliveries. A delivery is stored once per (source, dedupe key): vendors
/// deliver at least once, so a repeat is recognised and acknowledged without a second row. Storing an event wakes this
/// instance's inbox processing (<see cref="WorkSignal"/>).</summary>
public sealed class InboundEventStore(IDbContextFactory<ZohoJiraDbContext> dbFactory, TimeProvider time, WorkSignal signal)
{
    public const string ZohoSource = "zoho";

    public const string JiraSource = "jira";

    private const int MaxDedupeKeyLength = 200;

    /// <summary>Stores the event; returns false when an event with the same key was stored before.</summary>
    public async Task<bool> TryAddAsync(string source, string dedupeKey, string eventType, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(payload);

        // The column holds 200 characters: a longer key is replaced by its hash, the same way for the lookup and the row.
        if (dedupeKey.Length > MaxDedupeKeyLength)
        {
            dedupeKey = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupeKey)));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.InboundEvents.AnyAsync(e => e.Source == source && e.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        db.InboundEvents.Add(new InboundEvent
        {
            Source = source,
            DedupeKey = dedupeKey,
            EventType = eventType.Length > 100 ? eventType[..100] : eventType,
            Payload = payload,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            Status = InboundEventStatus.Pending,
            NextAttemptAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            return true;
        }
        catch (DbUpdateException)
        {
            // Two deliveries of one event raced; the unique index kept one of them.
            if (await ExistsAsync(source, dedupeKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> ExistsAsync(string source, string dedupeKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InboundEvents.AnyAsync(e => e.Source == source && e.DedupeKey == dedupeKey, cancellationToken);
    }
}
