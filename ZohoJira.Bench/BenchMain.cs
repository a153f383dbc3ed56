using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Bench;

/// <summary>Prints a table of figures and, for CI, one <c>BENCH &lt;name&gt; &lt;value&gt; &lt;unit&gt;</c> line per figure.</summary>
internal static class BenchMain
{
    public static async Task Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var linkCount = quick ? 1_000 : 10_000;
        var figures = new List<(string Name, double Value, string Unit, string Goal)>();

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
        }

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
}
