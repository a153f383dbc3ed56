using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Sync;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class JiraSyncCursorConfiguration : IEntityTypeConfiguration<JiraSyncCursor>
{
    public void Configure(EntityTypeBuilder<JiraSyncCursor> builder)
    {
        builder.ToTable("jira_sync_cursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(32);
        builder.Property(c => c.Query).HasMaxLength(JiraSyncCursor.QueryLength);
        builder.Property(c => c.Continuation).HasMaxLength(JiraSyncCursor.ContinuationLength);
        builder.Property(c => c.SeenIssues).HasMaxLength(JiraSyncCursor.SeenIssuesLength);
    }
}
