using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("sync_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasOne<SmartItemDefinition>().WithMany().HasForeignKey(r => r.SmartItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SmartItemId, r.StartedAt });
    }
}
