using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Bench;

/// <summary>Zoho → Jira as a user sees it, with the app's own workers running: how fast a change arrives, and what
/// auto-creating issues for many new tickets costs.</summary>
internal static class SyncBench
{
    private const string Project = "SUP";
    private const string TaskType = "10002";

    /// <summary>Zoho change → Jira updated, webhooks on: <paramref name="changes"/> subject edits through Zoho's API, each
    /// timed until the linked issue's summary reads the new value.</summary>
    public static async Task<IEnumerable<(string, double, string, string)>> ZohoToJiraLatencyAsync(int changes)
    {
        await using var app = new BenchApp(workers: 2);
        var (services, itemId, jira) = await ConnectAsync(app, new SyncOptions());
        await services.GetRequiredService<ZohoWebhookSubscriptionService>().EnsureAsync();
        var state = services.GetRequiredService<ZohoSandboxState>();

        // A pool of linked pairs, used in turn so no one issue meets Jira's per-issue write limit.
        var pairs = new List<(string Ticket, string IssueKey)>();
        var links = new List<Link>();
        for (var i = 0; i < 40; i++)
        {
            var ticket = AddTicket(state, $"Latency ticket {i}");
            var issue = await jira.CreateIssueAsync(new JiraIssueCreate(Project, TaskType, new JsonObject { ["summary"] = $"Latency ticket {i}" }));
            pairs.Add((ticket, issue.Key));
            links.Add(NewLink(itemId, issue.Id, issue.Key, ticket));
        }

        await SaveLinksAsync(services, links);
        var zoho = await services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
        var times = new List<double>();
        for (var i = 0; i < changes + 10; i++)
        {
            var (ticket, key) = pairs[i % pairs.Count];
            var subject = $"Changed in Zoho #{i}";
            var started = Stopwatch.GetTimestamp();
            await zoho.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["subject"] = subject });
            while ((await jira.GetIssueAsync(key, ["summary"]))?.Summary != subject)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"{key} did not follow change #{i} within a minute.");
                }

                await Task.Delay(5);
            }

            if (i >= 10)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first ten warm the JIT and caches
            }
        }

        times.Sort();
        var goal = $"p95 <= 1,000 ({changes} changes, webhooks on)";
        return
        [
            ("zoho_to_jira_p50_ms", Math.Round(Percentile(times, 0.50), 1), "ms", goal),
            ("zoho_to_jira_p95_ms", Math.Round(Percentile(times, 0.95), 1), "ms", goal),
        ];
    }

    /// <summary>Auto-create for <paramref name="count"/> new matching tickets, found by one Run now and worked off by the
    /// app's workers under the simulator's Jira limits: issues per minute, vendor writes per ticket, duplicate issues.</summary>
    public static async Task<IEnumerable<(string, double, string, string)>> AutoCreateAsync(int count)
    {
        await using var app = new BenchApp(workers: 2);
        var (services, itemId, _) = await ConnectAsync(app,
            new SyncOptions { AutoCreate = true, AutoCreateBaseline = TimeProvider.System.GetUtcNow().UtcDateTime });
        var state = services.GetRequiredService<ZohoSandboxState>();

        // The baseline is now; records count as new when created after it (Zoho's times are whole seconds).
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        for (var i = 0; i < count; i++)
        {
            AddTicket(state, $"New ticket {i}");
        }

        var dbFactory = services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>();
        using var traffic = new SandboxTraffic();
        var started = Stopwatch.GetTimestamp();
        await services.GetRequiredService<ZohoCatchUpService>().RunNowAsync(itemId);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var linked = await db.Links.CountAsync(l => l.SmartItemId == itemId);
            var open = await db.WorkItems.CountAsync(w => w.Status == WorkItemStatus.Ready || w.Status == WorkItemStatus.Running);
            if (linked >= count && open == 0)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(8))
            {
                throw new InvalidOperationException($"Auto-create stalled: {linked} of {count} linked, {open} items open.");
            }

            await Task.Delay(100);
        }

        var minutes = Stopwatch.GetElapsedTime(started).TotalMinutes;
        var jiraWrites = traffic.Writes(JiraSandboxAccounts.SitePath);
        var zohoWrites = traffic.Writes(ZohoSandbox.DeskBase);
        var created = traffic.Writes(JiraSandboxAccounts.SitePath, "/rest/api/3/issue");
        return
        [
            ("autocreate_per_min", Math.Round(count / minutes), "issues", $"({count:N0} new tickets, 2 workers)"),
            ("autocreate_writes_per_record", Math.Round((double)(jiraWrites + zohoWrites) / count, 2), "writes",
                $"<= 3 (Jira {jiraWrites:N0} + Zoho {zohoWrites:N0} for {count:N0} tickets)"),
            ("duplicates", created - count, "issues", "0"),
        ];
    }

    /// <summary>Starts the app, connects the sandbox Zoho and Jira, and saves a tickets ↔ SUP item mapping subject to summary.</summary>
    public static async Task<(IServiceProvider Services, Guid ItemId, IJiraClient Jira)> ConnectAsync(BenchApp app, SyncOptions options,
        SyncMode mode = SyncMode.OneWay)
    {
        _ = app.Server;
        var services = app.Services;
        var code = services.GetRequiredService<ZohoSandboxAccounts>().GenerateCode();
        await services.GetRequiredService<ZohoConnectionService>().ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));
        var jiraConnection = services.GetRequiredService<JiraConnectionService>();
        await jiraConnection.SaveAsync("http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var saved = await services.GetRequiredService<SmartItemService>().CreateAsync(new SmartItemModel
        {
            Name = "Bench sync",
            Mode = mode,
            JiraProjectKey = Project,
            JiraIssueTypeId = TaskType,
            ZohoModule = "tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }],
            Options = options,
        });
        var itemId = saved.Id ?? throw new InvalidOperationException("The bench item was not saved: " + string.Join("; ", saved.Issues.Select(i => i.Message)));
        var jira = await jiraConnection.CreateClientAsync() ?? throw new InvalidOperationException("Jira is not connected.");
        return (services, itemId, jira);
    }

    public static string AddTicket(ZohoSandboxState state, string subject)
    {
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

    public static Link NewLink(Guid itemId, string issueId, string issueKey, string ticket) => new()
    {
        Id = Guid.NewGuid(),
        SmartItemId = itemId,
        JiraIssueId = issueId,
        JiraIssueKey = issueKey,
        ZohoModule = "tickets",
        ZohoRecordId = ticket,
        CreatedAt = DateTime.UnixEpoch,
    };

    public static async Task SaveLinksAsync(IServiceProvider services, IEnumerable<Link> links)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        db.Links.AddRange(links);
        await db.SaveChangesAsync();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

}
