using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>The SQLite flavour; owns <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteZohoJiraDbContext(DbContextOptions<SqliteZohoJiraDbContext> options, SecretProtector secrets)
    : ZohoJiraDbContext(options, secrets);
