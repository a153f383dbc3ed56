using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class SyncCursorConfiguration : IEntityTypeConfiguration<SyncCursor>
{
    public void Configure(EntityTypeBuilder<SyncCursor> builder)
    {
        builder.ToTable("sync_cursors");
        builder.HasKey(c => c.ZohoModule);
        builder.Property(c => c.ZohoModule).HasMaxLength(64);
        builder.Property(c => c.Continuation).HasMaxLength(1000);
        builder.Property(c => c.LastRecordIds).HasMaxLength(SyncCursor.LastRecordIdsLength);
    }
}
