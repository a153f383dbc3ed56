using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class SyncCursorConfiguration : IEntityTypeConfiguration<SyncCursor>
{
    public void Configure(EntityTypeBuilder<SyncCursor> builder)
    {
        builder.ToTable("sync_cursors");
        builder.HasKey(c => c.SmartItemId);
        builder.HasOne<SmartItemDefinition>().WithOne().HasForeignKey<SyncCursor>(c => c.SmartItemId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
