using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Connections;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class ZohoConnectionConfiguration : IEntityTypeConfiguration<ZohoConnection>
{
    public void Configure(EntityTypeBuilder<ZohoConnection> builder)
    {
        builder.ToTable("zoho_connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.DataCenter).HasMaxLength(16);
        builder.Property(c => c.ClientId).HasMaxLength(200);
        builder.Property(c => c.GrantedScopes).HasMaxLength(2000);
        builder.Property(c => c.AccountsServer).HasMaxLength(300);
        builder.Property(c => c.ApiDomain).HasMaxLength(300);
        builder.Property(c => c.OrgId).HasMaxLength(64);
        builder.Property(c => c.OrgName).HasMaxLength(300);
        builder.Property(c => c.LastAuthError).HasMaxLength(2000);
        builder.Property(c => c.WebhookUrlTokenHash).HasMaxLength(64);
        builder.HasIndex(c => c.WebhookUrlTokenHash);
        builder.Property(c => c.WebhookId).HasMaxLength(64);
        builder.Ignore(c => c.IsConnected);
    }
}
