using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Tests.Core.Persistence;

/// <summary>Checks every provider's migration set against the one model, without a database. For SQL Server this is all
/// CI can prove (no engine runs here): the model has no pending changes and the idempotent script creates every table and
/// index that SQLite and PostgreSQL have. It does not prove the script runs on a live server.</summary>
public sealed class MigrationSetTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryProvider_MigrationSet_HasNoPendingModelChanges(string provider)
    {
        using var db = Create(provider);
        db.Database.GetMigrations().Should().NotBeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the {provider} migration set must match the model: run build/add-migration.sh <Name>");
    }

    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTableAndIndexTheOtherProvidersHave()
    {
        using var sqlServer = Create("SqlServer");
        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var migration in sqlServer.Database.GetMigrations())
        {
            script.Should().Contain($"WHERE [MigrationId] = N'{migration}'", "each step of an idempotent script is guarded");
        }

        using var sqlite = Create("Sqlite");
        using var postgres = Create("Postgres");
        var expected = Schema(sqlite.Model).Union(Schema(postgres.Model)).ToList();
        expected.Should().Contain(s => s.Kind == "table" && s.Name == "data_protection_keys");
        Schema(sqlServer.Model).Should().BeEquivalentTo(expected, "all three providers share one schema");

        foreach (var (kind, table, name) in expected)
        {
            var statement = kind == "table" ? $"CREATE TABLE [{name}] (" : $"INDEX [{name}] ON [{table}]";
            script.Should().Contain(statement, $"the SQL Server script must create the {kind} {name}");
        }
    }

    [Fact]
    public void SqlServer_Model_IndexesNoUnboundedColumn()
    {
        // SQL Server cannot index nvarchar(max); a live server would refuse such a migration, so catch it here.
        using var db = Create("SqlServer");
        var unbounded = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Indexes.SelectMany(i => i.Columns.Select(c => (Index: i.Name, Column: c.Name, c.StoreType))))
            .Where(c => c.StoreType.Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .ToList();
        unbounded.Should().BeEmpty();
    }

    private static ZohoJiraDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static IEnumerable<(string Kind, string Table, string Name)> Schema(IModel model)
    {
        foreach (var table in model.GetRelationalModel().Tables)
        {
            yield return ("table", table.Name, table.Name);
            foreach (var index in table.Indexes)
            {
                yield return ("index", table.Name, index.Name);
            }
        }
    }
}
