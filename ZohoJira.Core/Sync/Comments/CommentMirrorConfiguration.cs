using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Links;

namespace ZohoJira.Core.Sync.Comments;

internal sealed class CommentMirrorConfiguration : IEntityTypeConfiguration<CommentMirror>
{
    public void Configure(EntityTypeBuilder<CommentMirror> builder)
    {
        builder.ToTable("comment_mirrors");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Origin).HasMaxLength(16);
        builder.Property(m => m.ZohoCommentId).HasMaxLength(64);
        builder.Property(m => m.JiraCommentId).HasMaxLength(64);
        builder.Property(m => m.ContentHash).HasMaxLength(80);
        builder.HasOne<Link>().WithMany().HasForeignKey(m => m.LinkId).OnDelete(DeleteBehavior.Cascade);

        // One mirror per comment and link, whichever side it started on.
        builder.HasIndex(m => new { m.LinkId, m.ZohoCommentId }).IsUnique();
        builder.HasIndex(m => new { m.LinkId, m.JiraCommentId }).IsUnique();
    }
}
