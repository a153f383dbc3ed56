using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("inbound_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.Property(e => e.DedupeKey).HasMaxLength(200);
        builder.Property(e => e.EventType).HasMaxLength(100);
        builder.Property(e => e.Error).HasMaxLength(4000);
        builder.Property(e => e.LockedBy).HasMaxLength(200);

        // A redelivered event hits this index and is stored once.
        builder.HasIndex(e => new { e.Source, e.DedupeKey }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
