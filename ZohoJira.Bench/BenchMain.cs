using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Bench;

/// <summary>Prints a table of figures and, for CI, one <c>BENCH &lt;name&gt; &lt;value&gt; &lt;unit&gt;</c> line per figure.</summary>
internal static class BenchMain
{
    /// <summary>Links in the database while the issue panel is measured.</summary>
    private const int PanelLinkCount = 100_000;

    private const int PanelSamples = 200;

    public static async Task Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var linkCount = quick ? 1_000 : 10_000;
        var figures = new List<(string Name, double Value, string Unit, string Goal)>();
        if (args.Contains("--activity-only"))
        {
            // The Activity page alone (a quick look after changing its query or indexes).
            figures.Add(await ActivityBench.PageAsync(rows: 1_000_000));
            Print(figures);
            return;
        }

        await using (var app = new BenchApp())
        {
            _ = app.Server;
            var services = app.Services;
            var code = services.GetRequiredService<ZohoSandboxAccounts>().GenerateCode();
            await services.GetRequiredService<ZohoConnectionService>().ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));
            var saved = await services.GetRequiredService<SmartItemService>().CreateAsync(new SmartItemModel
            {
                Name = "Bench tickets",
                Mode = SyncMode.OneWay,
                JiraProjectKey = "SUP",
                JiraIssueTypeId = "10002",
                ZohoModule = "tickets",
                Mappings = [new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }],
            });
            var itemId = saved.Id ?? throw new InvalidOperationException("The bench item was not saved.");

            // N linked tickets, none changed since the item was made.
            var state = services.GetRequiredService<ZohoSandboxState>();
            var before = TimeProvider.System.GetUtcNow().AddHours(-1);
            var tickets = new List<string>();
            lock (state.Gate)
            {
                var department = state.Departments[0]["id"]!.GetValue<string>();
                for (var i = 0; i < linkCount; i++)
                {
                    tickets.Add(state.AddRecord("tickets", new JsonObject
                    {
                        ["subject"] = $"Bench ticket {i}",
                        ["departmentId"] = department,
                        ["status"] = "Open",
                        ["modifiedTime"] = ZohoSandboxState.Format(before),
                    }, before)["id"]!.GetValue<string>());
                }
            }

            var dbFactory = services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                db.Links.AddRange(tickets.Select((t, i) => new Link
                {
                    Id = Guid.NewGuid(),
                    SmartItemId = itemId,
                    JiraIssueId = (100_000 + i).ToString(CultureInfo.InvariantCulture),
                    JiraIssueKey = $"SUP-{100_000 + i}",
                    ZohoModule = "tickets",
                    ZohoRecordId = t,
                    CreatedAt = before.UtcDateTime,
                }));
                await db.SaveChangesAsync();
            }

            var catchUp = services.GetRequiredService<ZohoCatchUpService>();
            await catchUp.RunCycleAsync(); // the first cycle makes the module's cursor
            var calls = state.ApiCalls;
            var results = await catchUp.RunCycleAsync();
            var spent = state.ApiCalls - calls;
            var modules = Math.Max(1, results.Count);
            figures.Add(("idle_zoho_calls_per_module", (double)spent / modules, "calls", $"<= 1 ({linkCount:N0} linked tickets, nothing changed)"));
            figures.Add(("idle_work_enqueued", results.Sum(r => r.WorkEnqueued), "items", "0"));

            figures.Add(await PanelRenderAsync(services, tickets[0], PanelLinkCount));
        }

        figures.AddRange(await SyncBench.ZohoToJiraLatencyAsync(changes: 200));
        figures.AddRange(await SyncBench.AutoCreateAsync(count: quick ? 300 : 1_000));
        figures.AddRange(await JiraToZohoBench.RunAsync(changes: 200));
        figures.Add(await ActivityBench.PageAsync(rows: 1_000_000));

        Print(figures);
    }

    private static void Print(List<(string Name, double Value, string Unit, string Goal)> figures)
    {
        Console.WriteLine($"{"Figure",-32} {"Value",10} {"Unit",-8} Goal");
        foreach (var (name, value, unit, goal) in figures)
        {
            Console.WriteLine($"{name,-32} {value.ToString("0.##", CultureInfo.InvariantCulture),10} {unit,-8} {goal}");
        }

        foreach (var (name, value, unit, _) in figures)
        {
            Console.WriteLine($"BENCH {name} {value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}");
        }
    }

    /// <summary>The issue panel's load for one linked issue (its Jira read, the applicable items, the issue's links, one Zoho
    /// read, the recent activity) with <paramref name="linkCount"/> links in the database: p95 over repeated opens.</summary>
    private static async Task<(string, double, string, string)> PanelRenderAsync(IServiceProvider services, string ticketId, int linkCount)
    {
        await services.GetRequiredService<JiraConnectionService>().SaveAsync(
            "http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var items = services.GetRequiredService<SmartItemService>();
        var display = (await items.CreateAsync(new SmartItemModel
        {
            Name = "Bench panel",
            Mode = SyncMode.DisplayOnly,
            JiraProjectKey = "SUP",
            ZohoModule = "tickets",
            DisplayFields = ["subject", "status", "priority", "dueDate"],
        })).Id!.Value;
        var filler = (await items.CreateAsync(new SmartItemModel { Name = "Bench filler", Mode = SyncMode.DisplayOnly, JiraProjectKey = "DEV", ZohoModule = "contacts" })).Id!.Value;

        var dbFactory = services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var existing = await db.Links.CountAsync();
            for (var batch = existing; batch < linkCount; batch += 10_000)
            {
                db.ChangeTracker.Clear();
                db.Links.AddRange(Enumerable.Range(batch, Math.Min(10_000, linkCount - batch)).Select(i => new Link
                {
                    Id = Guid.NewGuid(),
                    SmartItemId = filler,
                    JiraIssueId = (500_000 + i).ToString(CultureInfo.InvariantCulture),
                    JiraIssueKey = $"DEV-{500_000 + i}",
                    ZohoModule = "contacts",
                    ZohoRecordId = (900_000_000L + i).ToString(CultureInfo.InvariantCulture),
                    CreatedAt = DateTime.UnixEpoch,
                }));
                await db.SaveChangesAsync();
            }
        }

        var panel = services.GetRequiredService<ZohoJira.Core.IssuePanel.IssuePanelService>();
        var issue = (await panel.LoadAsync("SUP-3")).Issue ?? throw new InvalidOperationException("SUP-3 is missing from the sandbox.");
        var linked = await panel.LinkAsync(display, issue, ticketId, "bench");
        if (!linked.Succeeded)
        {
            throw new InvalidOperationException(linked.Message);
        }

        var times = new List<double>();
        for (var i = 0; i < PanelSamples + 10; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var view = await panel.LoadAsync("SUP-3");
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (view.Items.All(it => it.Link?.Record is null))
            {
                throw new InvalidOperationException("The panel did not show the linked record.");
            }

            if (i >= 10)
            {
                times.Add(elapsed); // the first ten warm the caches and the JIT
            }
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        return ("panel_render_p95_ms", Math.Round(p95, 1), "ms", $"< 100 ({linkCount:N0} links, {PanelSamples} opens)");
    }
}
