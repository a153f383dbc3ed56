using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Bench;

/// <summary>Jira → Zoho latency and echoes, in an app of its own: a person edits linked issues in the sandbox Jira one
/// change at a time; each change travels as Jira's signed webhook into the inbox, becomes work and is applied to the Zoho
/// ticket. The clock runs from the moment the edit is in Jira until the ticket carries it (the inbox and the worker are
/// driven directly, as their hosted loops are when the webhook's store wakes them). After each change the Zoho → Jira work
/// that Zoho's webhook for the connector's own write would start runs too; every Jira write it makes is an echo.</summary>
internal static class JiraToZohoBench
{
    private const int Links = 20;

    public static async Task<IReadOnlyList<(string Name, double Value, string Unit, string Goal)>> RunAsync(int changes)
    {
        await using var app = new BenchApp();
        var (services, itemId, connector) = await SyncBench.ConnectAsync(app, new SyncOptions(), SyncMode.TwoWay);
        await services.GetRequiredService<JiraConnectionService>().RegisterWebhookAsync(JiraWebhookEndpoints.ReceiverUrl(services));
        var person = services.GetRequiredService<IJiraClientFactory>()
            .Create(new JiraSite(new Uri("http://localhost" + JiraSandboxAccounts.SitePath), JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken));
        var state = services.GetRequiredService<ZohoSandboxState>();
        var links = new List<Link>();
        for (var i = 0; i < Links; i++)
        {
            var ticket = SyncBench.AddTicket(state, $"Bench pair {i}");
            var issue = await connector.CreateIssueAsync(new JiraIssueCreate("SUP", "10002", new JsonObject { ["summary"] = $"Bench pair {i}" }));
            links.Add(SyncBench.NewLink(itemId, issue.Id, issue.Key, ticket));
        }

        await SyncBench.SaveLinksAsync(services, links);

        var inbox = services.GetRequiredService<JiraInboxProcessor>();
        var queue = services.GetRequiredService<WorkQueue>();
        var worker = services.GetRequiredService<WorkProcessor>();
        var times = new List<double>(changes);
        for (var i = 0; i < changes; i++)
        {
            var link = links[i % links.Count];
            var text = $"Bench change {i}";
            await person.EditIssueAsync(link.JiraIssueKey, new JsonObject { ["summary"] = text });
            var started = Stopwatch.GetTimestamp();
            while (Subject(state, link.ZohoRecordId) != text)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"Change {i} did not reach Zoho within 30 s.");
                }

                await inbox.ProcessPendingAsync();
                if (await worker.DrainAsync() == 0)
                {
                    await Task.Delay(1);
                }
            }

            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            // Zoho's webhook for the connector's own write starts a Zoho → Jira pull: it must find nothing to send.
            await queue.EnqueueAsync(ZohoPullWork.For(link));
            await worker.DrainAsync();
        }

        int echoes;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync())
        {
            echoes = await db.Activity.CountAsync(a => a.SmartItemId == itemId && a.Direction == ActivityDirections.ZohoToJira
                && a.Outcome == ActivityOutcome.Applied);
        }

        times.Sort();
        double Percentile(double p) => Math.Round(times[Math.Max(0, (int)Math.Ceiling(p * times.Count) - 1)], 1);
        var setting = $"{changes} changes over {Links} linked pairs, webhooks on";
        return
        [
            ("jira_to_zoho_p50_ms", Percentile(0.50), "ms", setting),
            ("jira_to_zoho_p95_ms", Percentile(0.95), "ms", $"<= 1000 ({setting})"),
            ("echo_writes", echoes, "writes", "0 (Jira writes by the Zoho → Jira work that followed each change)"),
        ];
    }

    private static string? Subject(ZohoSandboxState state, string ticketId)
    {
        lock (state.Gate)
        {
            return state.Find("tickets", ticketId)?["subject"]?.GetValue<string>();
        }
    }
}
