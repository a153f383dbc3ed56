using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Webhooks;

/// <summary>Zoho Desk webhooks end to end: the simulator delivers like Zoho (array body, RS256 X-ZDesk-JWT, JWKS), the
/// app verifies, stores once, and acknowledges.</summary>
public sealed class ZohoWebhookReceivingTests
{
    [Fact]
    public async Task Delivery_DeliveredTwice_IsVerifiedAndStoredOnce()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        await SubscribeAsync(app, client, "Ticket_Update");
        var ticket = app.State().Records["tickets"].Keys.First();

        await client.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["priority"] = "Low" });
        var dispatcher = app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>();
        await dispatcher.WhenIdleAsync();
        var again = await dispatcher.RedeliverLastAsync();

        again.Should().Be(HttpStatusCode.OK);
        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.Where(e => e.Source == "zoho").ToListAsync();
        stored.Should().ContainSingle().Which.EventType.Should().Be("Ticket_Update");
        stored[0].Payload.Should().Contain(ticket).And.Contain("\"priority\":\"Low\"");
    }

    [Fact]
    public async Task Delivery_CommentAddedWithPreviousState_StoresEachEvent()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        await SubscribeAsync(app, client, "Ticket_Comment_Add", "Ticket_Attachment_Add");
        var ticket = app.State().Records["tickets"].Keys.First();

        await client.CreateCommentAsync(ZohoModule.Tickets, ticket, new ZohoCommentInput("<p>hello</p>"));

        // Zoho's token has no unique id: two deliveries of one webhook in the same second carry the same token, and the
        // second is refused as a replay (the scheduled poll finds that change). A second later the token differs.
        await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await using (var file = new MemoryStream([1, 2, 3]))
        {
            await client.UploadAttachmentAsync(ZohoModule.Tickets, ticket, "a.bin", file);
        }

        await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.Select(e => e.EventType).ToListAsync()).Should().BeEquivalentTo("Ticket_Comment_Add", "Ticket_Attachment_Add");
    }

    [Fact]
    public async Task Delivery_BadSignature_IsRefusedWith401AndNotStored()
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        using var otherKey = new ZohoSandboxSigningKey();
        var jwt = otherKey.Sign(ZohoSandboxState.OrgId, "1234567", app.Time.GetUtcNow());

        var response = await PostAsync(app, await UrlAsync(app), Event("Ticket_Add"), jwt);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Delivery_SignedForAnotherSubscription_IsRefused_OnceTheConnectorSubscribedItself()
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        var webhook = await app.Services.GetRequiredService<ZohoWebhookSubscriptionService>().EnsureAsync();
        await using (var db = app.CreateDbContext())
        {
            (await db.ZohoConnections.SingleAsync()).WebhookId.Should().Be(webhook.Id);
        }

        var zohoKey = app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        var url = await UrlAsync(app);
        var forOther = zohoKey.Sign(ZohoSandboxState.OrgId, "99999999", app.Time.GetUtcNow());
        (await PostAsync(app, url, Event("Ticket_Add"), forOther)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var forOurs = zohoKey.Sign(ZohoSandboxState.OrgId, webhook.Id, app.Time.GetUtcNow());
        (await PostAsync(app, url, Event("Ticket_Add"), forOurs)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var db = app.CreateDbContext())
        {
            (await db.InboundEvents.CountAsync()).Should().Be(1);
        }
    }

    [Fact]
    public async Task Delivery_DroppedByFaultInjection_NeverArrives()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        await SubscribeAsync(app, client, "Ticket_Update");
        app.Faults().DropWebhooks(1);

        await client.UpdateRecordAsync(ZohoModule.Tickets, app.State().Records["tickets"].Keys.First(), new JsonObject { ["priority"] = "High" });
        await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();

        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Delivery_AfterDisconnect_Gets410AndZohoRemovesTheSubscription()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        await SubscribeAsync(app, client, "Ticket_Update");
        var ticket = app.State().Records["tickets"].Keys.First();
        await app.Services.GetRequiredService<ZohoConnectionService>().RevokeAsync();
        app.State().Webhooks.Should().BeEmpty("revoking deletes the subscription while the token still works");
        await SubscribeDirectlyAsync(app);

        var department = app.State().Find("tickets", ticket)!["departmentId"]!.GetValue<string>();
        app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().Publish("Ticket_Update", new JsonObject { ["id"] = ticket }, departmentId: department);
        await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();

        app.State().Webhooks.Should().BeEmpty();
    }

    /// <summary>A subscription made in Zoho's UI, which the connector does not know about.</summary>
    private static async Task SubscribeDirectlyAsync(ZohoJiraAppFactory app)
    {
        var state = app.State();
        var url = "http://localhost" + await UrlAsync(app);
        lock (state.Gate)
        {
            var id = state.NewId();
            state.Webhooks[id] = new JsonObject
            {
                ["id"] = id,
                ["url"] = url,
                ["isEnabled"] = true,
                ["createdTime"] = ZohoSandboxState.Format(state.Now),
                ["subscriptions"] = new JsonObject { ["Ticket_Update"] = null },
            };
        }
    }

    internal static async Task<ZohoWebhook> SubscribeAsync(ZohoJiraAppFactory app, IZohoDeskClient client, params string[] events) =>
        await client.CreateWebhookAsync(new ZohoWebhookInput(new Uri("http://localhost" + await UrlAsync(app)), "ZohoJira", true,
            Subscriptions: events.ToDictionary(e => e, _ => (JsonObject?)null)));

    internal static async Task<string> UrlAsync(ZohoJiraAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var token = (await db.ZohoConnections.SingleAsync()).WebhookUrlToken!;
        return ZohoWebhookAddress.Build("http://localhost", token).PathAndQuery;
    }

    internal static string Event(string type) =>
        new JsonArray(new JsonObject
        {
            ["eventType"] = type,
            ["eventTime"] = "1710416000123",
            ["orgId"] = ZohoSandboxState.OrgId,
            ["payload"] = new JsonObject { ["id"] = "70812340000001001" },
        }).ToJsonString();

    internal static async Task<HttpResponseMessage> PostAsync(ZohoJiraAppFactory app, string url, string body, string? jwt)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (jwt is not null)
        {
            request.Headers.Add("X-ZDesk-JWT", jwt);
        }

        return await http.SendAsync(request);
    }
}
