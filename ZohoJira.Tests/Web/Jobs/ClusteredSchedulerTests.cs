using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Jobs;

namespace ZohoJira.Tests.Web.Jobs;

/// <summary>On PostgreSQL the schedule lives in the database (clustered ADO store) and jobs still run.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusteredSchedulerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OnPostgres_TheSchedulerIsClustered_ProvisionsItsTables_AndRunsJobs()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = new ZohoJiraAppFactory().UsePostgres(connectionString).Start();

        // The check details are for administrators; strangers see the status only.
        using var client = await app.CreateAdminClientAsync();
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("clustered");

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var meta = await scheduler.GetMetadata();
        meta.JobStoreClustered.Should().BeTrue();
        meta.JobStorePersistent.Should().BeTrue();

        await scheduler.TriggerJob(PruneActivityJob.Key);
        (await PruningActivityTests.WaitForRunAsync(app, PruneActivityJob.Name, 1)).LastSucceeded.Should().BeTrue();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz_%'", connection);
        ((long)(await command.ExecuteScalarAsync())!).Should().BeGreaterThan(5, "the clustered store created its tables");
    }
}
