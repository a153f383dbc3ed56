using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.AutoCreate;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.AutoCreate;

/// <summary>Two app instances on one PostgreSQL database, as behind a load balancer, both finding the same new tickets
/// and working them off at once: every ticket still becomes exactly one Jira issue. The first instance also hosts the
/// simulated Zoho Desk and Jira on a real port; the second reaches them there (<c>Sandbox:BaseUrl</c>), shares the
/// connections, the Zoho token and the work through the database, and has its own workers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesAutoCreateTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TwoInstancesRacingCyclesAndWorkers_CreateOneIssuePerTicket()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = new ZohoJiraAppFactory().UsePostgres(database).UseRealPort()
            .With("Sync:Workers", "0").With("Sync:CreateLookupDelay", "00:00:00.050");
        first.Start();
        await ZohoSandboxConnection.ConnectAsync(first);
        await first.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            first.BaseUrl + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        await using var second = new ZohoJiraAppFactory().UsePostgres(database).UseRealPort()
            .With("Sandbox:BaseUrl", first.BaseUrl)
            .With("Sync:Workers", "0").With("Sync:CreateLookupDelay", "00:00:00.050");
        second.Time.SetUtcNow(first.Time.GetUtcNow());
        second.Start();

        var saved = await first.Services.GetRequiredService<SmartItemService>().CreateAsync(new SmartItemModel
        {
            Name = "Two instances",
            Mode = SyncMode.OneWay,
            JiraProjectKey = "SUP",
            JiraIssueTypeId = "10002",
            ZohoModule = "tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }],
            Options = new SyncOptions { AutoCreate = true, AutoCreateBaseline = first.Time.GetUtcNow().UtcDateTime.AddMinutes(-1) },
        });
        var itemId = saved.Id!.Value;
        var tickets = Enumerable.Range(0, 12).Select(i => AddTicket(first, $"Seen by both instances {i}")).ToList();

        await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<ZohoCatchUpService>().RunCycleAsync()),
            Task.Run(() => second.Services.GetRequiredService<ZohoCatchUpService>().RunCycleAsync()));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(new[] { first, second, first, second }
                .Select(app => Task.Run(() => app.Processor(app.Services.GetServices<IWorkHandler>().ToArray()).DrainAsync())));
        }

        var jira = (await first.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync())!;
        foreach (var ticket in tickets)
        {
            var marker = AutoCreateWork.Marker(ZohoSandboxState.OrgId, "tickets", ticket);
            (await jira.SearchIssuesAsync(new JiraSearchRequest($"project = SUP AND labels = \"{marker}\"", ["summary"]))).Items
                .Should().ContainSingle($"ticket {ticket} must become exactly one issue");
        }

        await using var db = first.CreateDbContext();
        var links = await db.Links.AsNoTracking().Where(l => l.SmartItemId == itemId).ToListAsync();
        links.Select(l => l.ZohoRecordId).Should().BeEquivalentTo(tickets);
        (await db.WorkItems.CountAsync(w => w.Status != WorkItemStatus.Done)).Should().Be(0);
    }

    private static string AddTicket(ZohoJiraAppFactory app, string subject)
    {
        var state = app.State();
        lock (state.Gate)
        {
            return state.AddRecord("tickets", new JsonObject
            {
                ["subject"] = subject,
                ["departmentId"] = state.Departments[0]["id"]!.GetValue<string>(),
                ["status"] = "Open",
                ["statusType"] = "Open",
            })["id"]!.GetValue<string>();
        }
    }
}
