using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>Jira → Zoho intents over <see cref="SyncApp"/>: act in Jira as a person, let the webhooks arrive, turn them
/// into work and run it; read the Zoho ticket back.</summary>
internal static class PushSupport
{
    /// <summary>Registers the connector's Jira webhook at this app (do it after creating the items, for the JQL filter).</summary>
    public static async Task RegisterJiraWebhookAsync(this SyncApp sync) =>
        await sync.App.Services.GetRequiredService<JiraConnectionService>().RegisterWebhookAsync(JiraWebhookEndpoints.ReceiverUrl(sync.App.Services));

    /// <summary>A Jira client acting as Mia Krystof, a person (not the connector).</summary>
    public static IJiraClient UserJira(this SyncApp sync) => sync.App.Services.GetRequiredService<IJiraClientFactory>()
        .Create(new JiraSite(new Uri(SyncApp.SiteUrl), JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken));

    public static Task WaitForJiraDeliveriesAsync(this SyncApp sync) =>
        sync.App.Services.GetRequiredService<JiraSandboxWebhooks>().WaitForIdleAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits for Jira's deliveries, turns the stored events into work and runs everything due.</summary>
    public static async Task SettleJiraAsync(this SyncApp sync)
    {
        await sync.WaitForJiraDeliveriesAsync();
        await sync.App.Services.GetRequiredService<JiraInboxProcessor>().ProcessPendingAsync();
        await sync.Worker().DrainAsync();
    }

    /// <summary>Enqueues the link's Jira → Zoho work directly and runs everything due.</summary>
    public static async Task PushAsync(this SyncApp sync, Link link)
    {
        await sync.App.Queue().EnqueueAsync(JiraPushWork.For(link));
        await sync.Worker().DrainAsync();
    }

    /// <summary>Runs everything due while the fake clock moves on in small steps as long as scripted Zoho faults remain
    /// (the client's quick retries wait on the clock); once the last one is served the clock stands still, so the work's
    /// own retry time is not reached by accident.</summary>
    public static async Task DrainWithClockAsync(this SyncApp sync)
    {
        var drain = sync.Worker().DrainAsync();
        while (!drain.IsCompleted)
        {
            if (sync.App.Faults().PendingFailures == 0)
            {
                await Task.Delay(2);
                continue;
            }

            sync.App.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(2);
        }

        await drain;
    }

    public static JsonObject Ticket(this SyncApp sync, string id)
    {
        var state = sync.App.State();
        lock (state.Gate)
        {
            return state.Find("tickets", id)!.DeepClone().AsObject();
        }
    }

    public static async Task<List<InboundEvent>> JiraEventsAsync(this SyncApp sync)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.InboundEvents.AsNoTracking().Where(e => e.Source == InboundEventStore.JiraSource).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<WorkItem>> PushWorkAsync(this SyncApp sync, Link link)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.WorkItems.AsNoTracking().Where(w => w.LinkId == link.Id && w.Kind == JiraPushWork.Kind).OrderBy(w => w.Id).ToListAsync();
    }

    /// <summary>Deletes an issue as the person would (the client has no delete: the connector never deletes).</summary>
    public static async Task DeleteIssueAsUserAsync(this SyncApp sync, string key)
    {
        using var http = sync.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{JiraSandboxAccounts.SitePath}/rest/api/3/issue/{key}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraSandboxAccounts.UserEmail}:{JiraSandboxAccounts.UserApiToken}")));
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    public static async Task TransitionAsUserAsync(this SyncApp sync, string key, string toStatus, JsonObject? fields = null)
    {
        var jira = sync.UserJira();
        var transitions = await jira.GetTransitionsAsync(key);
        var transition = transitions.FirstOrDefault(t => t.To.Name == toStatus)
            ?? throw new InvalidOperationException($"No transition to {toStatus}; there are: {string.Join(", ", transitions.Select(t => t.To.Name))}");
        await jira.TransitionIssueAsync(key, transition.Id, fields);
    }
}
