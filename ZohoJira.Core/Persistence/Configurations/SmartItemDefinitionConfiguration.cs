using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class SmartItemDefinitionConfiguration : IEntityTypeConfiguration<SmartItemDefinition>
{
    public void Configure(EntityTypeBuilder<SmartItemDefinition> builder)
    {
        builder.ToTable("smart_items");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.JiraProjectKey).HasMaxLength(64);
        builder.Property(s => s.JiraIssueType).HasMaxLength(128);
        builder.Property(s => s.ZohoModule).HasMaxLength(64);
        builder.Property(s => s.LastError).HasMaxLength(4000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.JiraProjectKey, s.JiraIssueType });
    }
}
