using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZohoJira.Core.Sync.Work;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public const int KeyLength = 200;

    public const int FailureMessageLength = 2000;

    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToTable("work_items");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Kind).HasMaxLength(64);
        builder.Property(w => w.DedupeKey).HasMaxLength(KeyLength);
        builder.Property(w => w.ActiveDedupeKey).HasMaxLength(KeyLength);
        builder.Property(w => w.OrderingKey).HasMaxLength(KeyLength);
        builder.Property(w => w.SkippedBy).HasMaxLength(KeyLength);
        builder.Property(w => w.LeaseOwner).HasMaxLength(KeyLength);
        builder.Property(w => w.LastFailureMessage).HasMaxLength(FailureMessageLength);

        // One unfinished row per dedupe key (finished rows have a null active key; SQL Server gets the
        // IS NOT NULL filter from EF's convention, the others ignore NULLs in unique indexes).
        builder.HasIndex(w => w.ActiveDedupeKey).IsUnique();

        // Claim candidates: ready (or running with a lapsed lease) and due, oldest due first.
        builder.HasIndex(w => new { w.Status, w.NextAttemptAt });

        // Per-record order: "is there an earlier unfinished item with my ordering key?"
        builder.HasIndex(w => new { w.OrderingKey, w.Id });

        // Lease take-over and the auth release.
        builder.HasIndex(w => new { w.Status, w.LeaseExpiresAt });
        builder.HasIndex(w => new { w.Status, w.LastFailureCategory });

        builder.HasIndex(w => w.SmartItemId);
        builder.HasIndex(w => w.LinkId);
    }
}
