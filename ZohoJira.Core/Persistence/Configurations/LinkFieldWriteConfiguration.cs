using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Links;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class LinkFieldWriteConfiguration : IEntityTypeConfiguration<LinkFieldWrite>
{
    public void Configure(EntityTypeBuilder<LinkFieldWrite> builder)
    {
        builder.ToTable("link_field_writes");
        builder.HasKey(w => new { w.LinkId, w.Side, w.FieldId });
        builder.Property(w => w.Side).HasMaxLength(8);
        builder.Property(w => w.FieldId).HasMaxLength(128);
        builder.HasOne<Link>().WithMany().HasForeignKey(w => w.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
