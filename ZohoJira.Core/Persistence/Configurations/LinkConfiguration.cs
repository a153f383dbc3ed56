using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Links;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.ToTable("links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.JiraIssueId).HasMaxLength(64);
        builder.Property(l => l.JiraIssueKey).HasMaxLength(64);
        builder.Property(l => l.ZohoModule).HasMaxLength(64);
        builder.Property(l => l.ZohoRecordId).HasMaxLength(64);
        builder.Property(l => l.CreatedBy).HasMaxLength(128);
        builder.Property(l => l.LastError).HasMaxLength(4000);
        builder.HasOne(l => l.SmartItem).WithMany().HasForeignKey(l => l.SmartItemId).OnDelete(DeleteBehavior.Cascade);

        // One Jira issue and one Zoho record per Smart Connected Item: the database, not the code, prevents duplicates.
        builder.HasIndex(l => new { l.SmartItemId, l.JiraIssueId }).IsUnique();
        builder.HasIndex(l => new { l.SmartItemId, l.ZohoRecordId }).IsUnique();
        builder.HasIndex(l => l.JiraIssueKey);
    }
}
