using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>The SQL Server flavour; owns <c>Persistence/Migrations/SqlServer</c>. Its model and generated migration scripts
/// are tested; no SQL Server engine runs in CI.</summary>
public sealed class SqlServerZohoJiraDbContext(DbContextOptions<SqlServerZohoJiraDbContext> options, SecretProtector secrets)
    : ZohoJiraDbContext(options, secrets);
