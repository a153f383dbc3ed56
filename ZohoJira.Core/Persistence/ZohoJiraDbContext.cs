using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Scheduling;
using ZohoJira.Core.Security;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Users;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Core.Persistence;

/// <summary>The one model of ZohoJira. Each provider has a derived context that owns its migrations
/// (<see cref="SqliteZohoJiraDbContext"/>, <see cref="PostgresZohoJiraDbContext"/>, <see cref="SqlServerZohoJiraDbContext"/>);
/// code uses this type. It also holds the Data Protection key ring (<see cref="IDataProtectionKeyContext"/>).</summary>
public abstract class ZohoJiraDbContext(DbContextOptions options, SecretProtector secrets)
    : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The protector the model's secret columns use; part of the model cache key.</summary>
    internal SecretProtector Secrets { get; } = secrets;

    public DbSet<AppUser> Users => Set<AppUser>();

    public DbSet<ZohoConnection> ZohoConnections => Set<ZohoConnection>();

    public DbSet<JiraConnection> JiraConnections => Set<JiraConnection>();

    public DbSet<SmartItemDefinition> SmartItems => Set<SmartItemDefinition>();

    public DbSet<Link> Links => Set<Link>();

    public DbSet<LinkFieldWrite> LinkFieldWrites => Set<LinkFieldWrite>();

    public DbSet<Sync.AutoCreate.IssueCreateIntent> IssueCreateIntents => Set<Sync.AutoCreate.IssueCreateIntent>();

    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();

    public DbSet<JiraSyncCursor> JiraSyncCursors => Set<JiraSyncCursor>();

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();

    public DbSet<JobRunState> JobRuns => Set<JobRunState>();

    /// <summary>The key ring, read and written by the Data Protection EF Core repository
    /// (<c>PersistKeysToDbContext</c>); table <c>data_protection_keys</c>.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WebhookTokenUse> WebhookTokenUses => Set<WebhookTokenUse>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZohoJiraDbContext).Assembly);

        var secret = new SecretConverter(Secrets);
        modelBuilder.Entity<ZohoConnection>(e =>
        {
            e.Property(c => c.ClientSecret).HasConversion(secret);
            e.Property(c => c.RefreshToken).HasConversion(secret);
            e.Property(c => c.AccessToken).HasConversion(secret);
            e.Property(c => c.WebhookUrlToken).HasConversion(new LegacyPlainSecretConverter(Secrets));
            e.Property(c => c.TokenRefreshOwner).HasMaxLength(200);
        });
        modelBuilder.Entity<JiraConnection>(e =>
        {
            e.Property(c => c.ApiToken).HasConversion(secret);
            e.Property(c => c.WebhookSecret).HasConversion(secret);
        });
    }
}
