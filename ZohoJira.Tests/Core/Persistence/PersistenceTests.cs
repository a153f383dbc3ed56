using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Persistence;

/// <summary>The same persistence behaviour, proven on each provider (the derived classes choose it).</summary>
public abstract class PersistenceTests
{
    /// <summary>A started app on a fresh database of the provider under test.</summary>
    protected abstract Task<ZohoJiraAppFactory> CreateAppAsync();

    /// <summary>A second app on the same database (a restart, or another instance).</summary>
    protected abstract ZohoJiraAppFactory CreateSecondApp(ZohoJiraAppFactory first);

    protected abstract string SecretColumnQuery { get; }

    [Fact]
    public async Task Migrations_ApplyAtStartup_NothingPending()
    {
        await using var app = await CreateAppAsync();
        await using var db = app.CreateDbContext();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        (await db.Users.CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the sandbox demo accounts were created at start-up");
    }

    [Fact]
    public async Task Secrets_RoundTrip_AndAreNotReadableInTheRawColumn()
    {
        await using var app = await CreateAppAsync();
        const string secret = "1000.refresh-token-that-must-stay-secret";
        await using (var db = app.CreateDbContext())
        {
            db.ZohoConnections.Add(NewZohoConnection(secret));
            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.ZohoConnections.SingleAsync();
            stored.RefreshToken.Should().Be(secret);
            stored.ClientSecret.Should().Be("client-secret-value");

            var raw = await RawSecretAsync(db);
            raw.Should().NotBeNullOrEmpty();
            raw.Should().NotContain(secret).And.NotContain("refresh-token");
        }
    }

    [Fact]
    public async Task Secrets_WrittenByOneHost_AreReadByAnotherOnTheSameDatabase()
    {
        const string token = "jira-api-token-ABC123";
        await using (var first = await CreateAppAsync())
        {
            await using (var db = first.CreateDbContext())
            {
                db.JiraConnections.Add(new JiraConnection
                {
                    SiteUrl = "https://example.atlassian.net",
                    Email = "bot@example.com",
                    ApiToken = token,
                    UpdatedAt = first.Time.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync();
            }

            await using var second = CreateSecondApp(first).Start();
            await using var db2 = second.CreateDbContext();
            (await db2.JiraConnections.SingleAsync()).ApiToken.Should().Be(token);
        }
    }

    [Fact]
    public async Task Links_AreUniquePerSmartItemAndIssue_AndPerSmartItemAndRecord()
    {
        await using var app = await CreateAppAsync();
        await using var db = app.CreateDbContext();
        var item = NewSmartItem(app);
        db.SmartItems.Add(item);
        db.Links.Add(NewLink(item.Id, "10001", "SUP-1", "900"));
        await db.SaveChangesAsync();

        db.Links.Add(NewLink(item.Id, "10001", "SUP-1", "901"));
        var sameIssue = async () => await db.SaveChangesAsync();
        await sameIssue.Should().ThrowAsync<DbUpdateException>();
        db.ChangeTracker.Clear();

        db.Links.Add(NewLink(item.Id, "10002", "SUP-2", "900"));
        var sameRecord = async () => await db.SaveChangesAsync();
        await sameRecord.Should().ThrowAsync<DbUpdateException>();
    }

    [Fact]
    public async Task Instants_AreStoredAndReadAsUtc_AndCompareInQueries()
    {
        await using var app = await CreateAppAsync();
        var now = app.Time.GetUtcNow().UtcDateTime;
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 5; i++)
            {
                db.Activity.Add(new ActivityEntry
                {
                    OccurredAt = now.AddHours(-i),
                    Direction = "System",
                    Kind = "test",
                    Message = $"entry {i}",
                    Outcome = ActivityOutcome.Info,
                });
            }

            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var recent = await db.Activity.Where(a => a.OccurredAt > now.AddHours(-2.5)).OrderBy(a => a.OccurredAt).ToListAsync();
            recent.Should().HaveCount(3);
            recent.Should().OnlyContain(a => a.OccurredAt.Kind == DateTimeKind.Utc);
            recent[^1].OccurredAt.Should().BeCloseTo(now, TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public async Task InboundEvents_StoredOncePerDedupeKey()
    {
        await using var app = await CreateAppAsync();
        var store = app.Services.GetRequiredService<InboundEventStore>();
        (await store.TryAddAsync(InboundEventStore.JiraSource, "delivery-1", "jira:issue_updated", "{}")).Should().BeTrue();
        (await store.TryAddAsync(InboundEventStore.JiraSource, "delivery-1", "jira:issue_updated", "{}")).Should().BeFalse();
        (await store.TryAddAsync(InboundEventStore.ZohoSource, "delivery-1", "Ticket_Update", "[]")).Should().BeTrue();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            store.TryAddAsync(InboundEventStore.ZohoSource, "raced", "Ticket_Update", "[]")));
        concurrent.Count(stored => stored).Should().Be(1);

        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task DeletingSmartItem_CascadesToItsLinksAndRuns()
    {
        await using var app = await CreateAppAsync();
        var item = NewSmartItem(app);
        await using (var db = app.CreateDbContext())
        {
            db.SmartItems.Add(item);
            db.Links.Add(NewLink(item.Id, "10001", "SUP-1", "900"));
            db.SyncRuns.Add(new SyncRun { SmartItemId = item.Id, Trigger = "manual", StartedAt = app.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            db.SmartItems.Remove(await db.SmartItems.SingleAsync());
            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            (await db.Links.CountAsync()).Should().Be(0);
            (await db.SyncRuns.CountAsync()).Should().Be(0);
        }
    }

    private async Task<string?> RawSecretAsync(ZohoJiraDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SecretColumnQuery;
        return (string?)await command.ExecuteScalarAsync();
    }

    private static ZohoConnection NewZohoConnection(string refreshToken) => new()
    {
        DataCenter = "eu",
        ClientId = "1000.CLIENTID",
        ClientSecret = "client-secret-value",
        RefreshToken = refreshToken,
        OrgId = "20000001",
        UpdatedAt = DateTime.SpecifyKind(new DateTime(2026, 1, 1), DateTimeKind.Utc),
    };

    private static SmartItemDefinition NewSmartItem(ZohoJiraAppFactory app) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Support tickets " + Guid.NewGuid().ToString("N")[..6],
        Mode = SyncMode.TwoWay,
        JiraProjectKey = "SUP",
        JiraIssueType = "Bug",
        ZohoModule = "tickets",
        DefinitionJson = "{}",
        SchemaVersion = 1,
        CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        UpdatedAt = app.Time.GetUtcNow().UtcDateTime,
        Version = Guid.NewGuid(),
    };

    private static Link NewLink(Guid smartItemId, string issueId, string issueKey, string recordId) => new()
    {
        Id = Guid.NewGuid(),
        SmartItemId = smartItemId,
        JiraIssueId = issueId,
        JiraIssueKey = issueKey,
        ZohoModule = "tickets",
        ZohoRecordId = recordId,
        Kind = LinkKind.Manual,
    };
}
