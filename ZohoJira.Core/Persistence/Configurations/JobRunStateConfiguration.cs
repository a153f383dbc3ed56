using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZohoJira.Core.Scheduling;

namespace ZohoJira.Core.Persistence.Configurations;

internal sealed class JobRunStateConfiguration : IEntityTypeConfiguration<JobRunState>
{
    public void Configure(EntityTypeBuilder<JobRunState> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(j => j.JobName);
        builder.Property(j => j.JobName).HasMaxLength(100);
        builder.Property(j => j.LastMessage).HasMaxLength(2000);
        builder.Property(j => j.LastNode).HasMaxLength(200);
    }
}
