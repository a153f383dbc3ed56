using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Sync.AutoCreate;

internal sealed class IssueCreateIntentConfiguration : IEntityTypeConfiguration<IssueCreateIntent>
{
    public void Configure(EntityTypeBuilder<IssueCreateIntent> builder)
    {
        builder.ToTable("issue_create_intents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ZohoModule).HasMaxLength(64);
        builder.Property(i => i.ZohoRecordId).HasMaxLength(64);
        builder.Property(i => i.Marker).HasMaxLength(255);
        builder.Property(i => i.JiraIssueId).HasMaxLength(64);
        builder.Property(i => i.JiraIssueKey).HasMaxLength(64);
        builder.HasOne<SmartItemDefinition>().WithMany().HasForeignKey(i => i.SmartItemId).OnDelete(DeleteBehavior.Cascade);

        // One intent per record and item: two workers can never both be about to create its issue.
        builder.HasIndex(i => new { i.SmartItemId, i.ZohoRecordId }).IsUnique();
    }
}
