using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Connections;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class JiraConnectionConfiguration : IEntityTypeConfiguration<JiraConnection>
{
    public void Configure(EntityTypeBuilder<JiraConnection> builder)
    {
        builder.ToTable("jira_connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.SiteUrl).HasMaxLength(300);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.AccountId).HasMaxLength(128);
        builder.Property(c => c.AccountDisplayName).HasMaxLength(300);
        builder.Property(c => c.WebhookId).HasMaxLength(64);
        builder.Property(c => c.WebhookState).HasMaxLength(64);
        builder.Property(c => c.LastError).HasMaxLength(2000);
        builder.Property(c => c.WebhookJql).HasMaxLength(4000);
        builder.Property(c => c.WebhookUrl).HasMaxLength(500);
    }
}
