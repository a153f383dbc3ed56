using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Activity;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("activity");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.JiraIssueKey).HasMaxLength(64);
        builder.Property(a => a.ZohoRecordId).HasMaxLength(64);
        builder.Property(a => a.Direction).HasMaxLength(16);
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.JiraIssueKey, a.OccurredAt });
        builder.HasIndex(a => new { a.SmartItemId, a.OccurredAt });
        builder.HasIndex(a => new { a.LinkId, a.OccurredAt });
        builder.HasIndex(a => new { a.ZohoRecordId, a.OccurredAt });
    }
}
