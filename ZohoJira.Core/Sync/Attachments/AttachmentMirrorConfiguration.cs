using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Links;

namespace ZohoJira.Core.Sync.Attachments;

internal sealed class AttachmentMirrorConfiguration : IEntityTypeConfiguration<AttachmentMirror>
{
    public void Configure(EntityTypeBuilder<AttachmentMirror> builder)
    {
        builder.ToTable("attachment_mirrors");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Origin).HasMaxLength(16);
        builder.Property(m => m.ZohoAttachmentId).HasMaxLength(64);
        builder.Property(m => m.ZohoThreadId).HasMaxLength(64);
        builder.Property(m => m.JiraAttachmentId).HasMaxLength(64);
        builder.Property(m => m.FileName).HasMaxLength(512);
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.HasOne<Link>().WithMany().HasForeignKey(m => m.LinkId).OnDelete(DeleteBehavior.Cascade);

        // One mirror per file and link, whichever side it started on.
        builder.HasIndex(m => new { m.LinkId, m.ZohoAttachmentId }).IsUnique();
        builder.HasIndex(m => new { m.LinkId, m.JiraAttachmentId }).IsUnique();
    }
}
