using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Webhooks;

public sealed class ZohoWebhookSubscriptionTests
{
    [Fact]
    public async Task Ensure_CreatesOneSubscriptionThatDeliversChangesToTheApp()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        var service = app.Services.GetRequiredService<ZohoWebhookSubscriptionService>();

        var first = await service.EnsureAsync();
        var second = await service.EnsureAsync();
        var ticket = app.State().Records["tickets"].Keys.First();
        await client.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["status"] = "On Hold" });
        await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();

        second.Id.Should().Be(first.Id);
        (await client.ListWebhooksAsync()).Should().ContainSingle();
        first.Subscriptions.Should().ContainKeys("Ticket_Update", "Ticket_Comment_Add", "Ticket_Attachment_Add", "Contact_Update");
        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.SingleAsync();
        stored.EventType.Should().Be("Ticket_Update");
        stored.Payload.Should().Contain("prevState");

        await service.RemoveAsync();
        (await service.FindAsync()).Should().BeNull();
    }
}
