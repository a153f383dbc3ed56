using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.Inbox;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Web.Webhooks;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.Inbox;

/// <summary>Stored Zoho webhook events become work for the links of their record, once.</summary>
public sealed class TurningZohoWebhooksIntoWorkTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private ZohoInboxProcessor Inbox => sync.App.Services.GetRequiredService<ZohoInboxProcessor>();

    private static string Event(string type, string id) =>
        new JsonObject { ["eventType"] = type, ["orgId"] = ZohoSandboxState.OrgId, ["eventTime"] = "1764770000000", ["payload"] = new JsonObject { ["id"] = id } }.ToJsonString();

    private async Task<long> StoreAsync(string json)
    {
        var store = sync.App.Services.GetRequiredService<InboundEventStore>();
        (await store.TryAddAsync(InboundEventStore.ZohoSource, "test:" + Guid.NewGuid().ToString("N"), "Ticket_Update", json)).Should().BeTrue();
        await using var db = sync.App.CreateDbContext();
        return await db.InboundEvents.MaxAsync(e => e.Id);
    }

    private async Task<InboundEvent> EventAsync(long id)
    {
        await using var db = sync.App.CreateDbContext();
        return await db.InboundEvents.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    [Fact]
    public async Task Process_EventForALinkedRecord_EnqueuesItsPullAndMarksTheEventProcessed()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "From a webhook" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        var eventId = await StoreAsync(Event("Ticket_Update", ticket));

        await Inbox.ProcessPendingAsync();

        var stored = await EventAsync(eventId);
        stored.Status.Should().Be(InboundEventStatus.Processed);
        stored.ProcessedAt.Should().Be(sync.App.Now());
        var work = await sync.WorkItemAsync(link);
        work.Kind.Should().Be(ZohoPullWork.Kind);
        work.Status.Should().Be(WorkItemStatus.Ready);
        work.OrderingKey.Should().Be($"zoho:tickets:{ticket}");

        await sync.Worker().DrainAsync();
        (await sync.IssueFieldsAsync(link.JiraIssueKey, "summary"))["summary"]!.GetValue<string>().Should().Be("From a webhook");
    }

    [Fact]
    public async Task Process_TwiceOrConcurrently_MakesTheWorkOnce()
    {
        var itemId = await sync.CreateItemAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        var ticket = sync.AddTicket(new JsonObject { ["subject"] = "Once" });
        var link = await sync.LinkAsync(itemId, await sync.CreateIssueAsync(), ticket);
        await StoreAsync(Event("Ticket_Update", ticket));
        await StoreAsync(Event("Ticket_Comment_Add", ticket).Replace("\"id\"", "\"ticketId\"", StringComparison.Ordinal));

        await Task.WhenAll(Inbox.ProcessPendingAsync(), Inbox.ProcessPendingAsync(), Inbox.ProcessPendingAsync());
        await Inbox.ProcessPendingAsync();

        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.CountAsync(w => w.LinkId == link.Id)).Should().Be(1, "both events and every processor share one waiting pull");
    }

    [Fact]
    public async Task Process_EventForAnUnlinkedOrPausedRecord_IsIgnoredWithoutWork()
    {
        var pausedItem = await sync.CreateItemAsync(Item(SyncMode.OneWay) with { Paused = true });
        var pausedTicket = sync.AddTicket(new JsonObject { ["subject"] = "Paused" });
        var pausedLink = await sync.LinkAsync(pausedItem, await sync.CreateIssueAsync(), pausedTicket);
        var unlinked = await StoreAsync(Event("Ticket_Update", "999999"));
        var paused = await StoreAsync(Event("Ticket_Update", pausedTicket));
        var unknown = await StoreAsync(Event("Agent_Update", "1"));

        await Inbox.ProcessPendingAsync();

        foreach (var id in new[] { unlinked, paused, unknown })
        {
            (await EventAsync(id)).Status.Should().Be(InboundEventStatus.Ignored);
        }

        await using var db = sync.App.CreateDbContext();
        (await db.WorkItems.AnyAsync(w => w.LinkId == pausedLink.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Webhook_ZohoChangeDelivered_UpdatesJiraWithinSeconds()
    {
        // The whole path with the app's own workers: Zoho's change → signed webhook → inbox → work → Jira.
        var app = SyncApp.WithWorkers();
        await app.InitializeAsync();
        try
        {
            var zoho = await app.App.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
            await ZohoWebhookReceivingTests.SubscribeAsync(app.App, zoho, "Ticket_Update");
            var itemId = await app.CreateItemAsync(Item(SyncMode.OneWay, new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
            var ticket = app.AddTicket(new JsonObject { ["subject"] = "Before" });
            var issue = await app.CreateIssueAsync();
            await app.LinkAsync(itemId, issue, ticket);

            await zoho.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["subject"] = "Changed in Zoho" });

            (await WorkTestSupport.EventuallyAsync(async () =>
                (await app.IssueFieldsAsync(issue.Key, "summary"))["summary"]!.GetValue<string>() == "Changed in Zoho")).Should().BeTrue();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
