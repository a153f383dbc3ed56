using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class WebhookTokenUseConfiguration : IEntityTypeConfiguration<WebhookTokenUse>
{
    public void Configure(EntityTypeBuilder<WebhookTokenUse> builder)
    {
        builder.ToTable("webhook_token_uses");
        builder.HasKey(u => new { u.TokenHash, u.BodyHash });
        builder.Property(u => u.TokenHash).HasMaxLength(64);
        builder.Property(u => u.BodyHash).HasMaxLength(64);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
