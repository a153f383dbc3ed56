using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

/// <summary>An app with Zoho and Jira connected to the simulators and no hosted workers (tests drain the work
/// themselves, unless made with workers), shared by the tests of a class; each test makes its own items, tickets and issues. Intent methods read
/// like the scenario: add a ticket, create an issue, link them, pull.</summary>
public sealed class SyncApp : IAsyncLifetime
{
    public SyncApp()
        : this(workers: 0)
    {
    }

    private SyncApp(int workers) =>
        App = new ZohoJiraAppFactory().With("Sync:Workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Sync:CreateLookupDelay", "00:00:00.050");

    /// <summary>An app whose own worker and inbox loops run (the caller initializes and disposes it).</summary>
    public static SyncApp WithWorkers() => new(workers: 1);

    public const string SiteUrl = "http://localhost" + JiraSandboxAccounts.SitePath;

    /// <summary>The sandbox Jira project and its Task issue type (summary, description, labels, due date on create;
    /// priority, assignee, Zoho ticket id and customer tier on edit too).</summary>
    public const string Project = "SUP";

    public const string TaskType = "10002";

    public ZohoJiraAppFactory App { get; }

    public async Task InitializeAsync()
    {
        App.Start();
        await ZohoSandboxConnection.ConnectAsync(App);
        await App.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            SiteUrl, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<IJiraClient> JiraAsync() =>
        await App.Services.GetRequiredService<JiraConnectionService>().CreateClientAsync() ?? throw new InvalidOperationException("Jira is not connected.");

    public async Task<Guid> CreateItemAsync(SmartItemModel model)
    {
        var result = await App.Services.GetRequiredService<SmartItemService>().CreateAsync(model with { Name = model.Name + " " + Guid.NewGuid().ToString("N")[..6] });
        result.Id.Should().NotBeNull(string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Id!.Value;
    }

    public static SmartItemModel Item(SyncMode mode, params FieldMapping[] mappings) => new()
    {
        Name = "Tickets",
        Mode = mode,
        JiraProjectKey = Project,
        JiraIssueTypeId = TaskType,
        ZohoModule = "tickets",
        Mappings = mappings,
    };

    /// <summary>Adds a ticket straight into the simulated Zoho Desk; returns its id.</summary>
    public string AddTicket(JsonObject fields)
    {
        var state = App.State();
        lock (state.Gate)
        {
            fields["departmentId"] ??= state.Departments[0]["id"]!.GetValue<string>();
            fields["status"] ??= "Open";
            fields["statusType"] ??= "Open";
            return state.AddRecord("tickets", fields)["id"]!.GetValue<string>();
        }
    }

    /// <summary>Changes ticket fields in the simulator as an agent would (modified now).</summary>
    public void ChangeTicket(string id, Action<JsonObject> change)
    {
        var state = App.State();
        lock (state.Gate)
        {
            var ticket = state.Find("tickets", id)!;
            change(ticket);
            state.Touch(ticket);
        }
    }

    public void DeleteTicket(string id)
    {
        var state = App.State();
        lock (state.Gate)
        {
            state.Records["tickets"].Remove(id);
        }
    }

    public async Task<JiraCreatedIssue> CreateIssueAsync(string summary = "Linked issue")
    {
        var jira = await JiraAsync();
        return await jira.CreateIssueAsync(new JiraIssueCreate(Project, TaskType, new JsonObject { ["summary"] = summary }));
    }

    public async Task<Link> LinkAsync(Guid itemId, JiraCreatedIssue issue, string ticketId)
    {
        var link = new Link
        {
            Id = Guid.NewGuid(),
            SmartItemId = itemId,
            JiraIssueId = issue.Id,
            JiraIssueKey = issue.Key,
            ZohoModule = "tickets",
            ZohoRecordId = ticketId,
            CreatedAt = App.Now(),
        };
        await using var db = App.CreateDbContext();
        db.Links.Add(link);
        await db.SaveChangesAsync();
        return link;
    }

    /// <summary>A worker with the app's real handlers.</summary>
    public WorkProcessor Worker() => App.Processor(App.Services.GetServices<IWorkHandler>().ToArray());

    /// <summary>Enqueues the link's Zoho → Jira work and runs everything due.</summary>
    public async Task PullAsync(Link link, long? runId = null)
    {
        await App.Queue().EnqueueAsync(ZohoPullWork.For(link, runId));
        await Worker().DrainAsync();
    }

    public async Task<JsonObject> IssueFieldsAsync(string key, params string[] fields) =>
        (await (await JiraAsync()).GetIssueAsync(key, fields))!.Fields;

    public async Task<Link> ReloadAsync(Link link)
    {
        await using var db = App.CreateDbContext();
        return await db.Links.AsNoTracking().SingleAsync(l => l.Id == link.Id);
    }

    public async Task<List<ZohoJira.Core.Activity.ActivityEntry>> ActivityAsync(Link link)
    {
        await using var db = App.CreateDbContext();
        return await db.Activity.AsNoTracking().Where(a => a.LinkId == link.Id).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<WorkItem> WorkItemAsync(Link link)
    {
        await using var db = App.CreateDbContext();
        return await db.WorkItems.AsNoTracking().Where(w => w.LinkId == link.Id).OrderByDescending(w => w.Id).FirstAsync();
    }
}
