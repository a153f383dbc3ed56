using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>The PostgreSQL flavour; owns <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresZohoJiraDbContext(DbContextOptions<PostgresZohoJiraDbContext> options, SecretProtector secrets)
    : ZohoJiraDbContext(options, secrets);
