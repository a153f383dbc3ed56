using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ZohoJira.Core.Operations;

internal sealed class ConnectorStateConfiguration : IEntityTypeConfiguration<ConnectorState>
{
    public const int ChangedByLength = 200;

    public void Configure(EntityTypeBuilder<ConnectorState> builder)
    {
        builder.ToTable("connector_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChangedBy).HasMaxLength(ChangedByLength);

        // The one row exists from the migration on: pausing and resuming are single conditional updates.
        builder.HasData(new ConnectorState { Id = ConnectorState.SingletonId });
    }
}
