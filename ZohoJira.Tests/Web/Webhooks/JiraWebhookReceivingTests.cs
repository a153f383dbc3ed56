using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Tests.Web.Webhooks;

/// <summary>Jira admin webhooks end to end: the simulated site signs and delivers (at least once), the app verifies,
/// stores once per identifier and acknowledges.</summary>
public sealed class JiraWebhookReceivingTests
{
    private static readonly Uri SiteUrl = new("http://localhost" + JiraSandboxAccounts.SitePath);

    [Fact]
    public async Task Delivery_SentTwice_IsVerifiedAndStoredOnce()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);
        app.Services.GetRequiredService<JiraSandboxFaults>().DuplicateNextWebhooks(1);

        var comment = await UserClient(app).AddCommentAsync("SUP-1", Doc("Customer says it works again."));
        await WaitForDeliveriesAsync(app);

        var deliveries = Deliveries(app).Where(d => d.EventType == JiraWebhookEvents.CommentCreated).ToList();
        deliveries.Should().HaveCount(2);
        deliveries.Should().OnlyContain(d => d.Status == 200);
        deliveries.Select(d => d.Identifier).Distinct().Should().ContainSingle();

        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.Where(e => e.Source == InboundEventStore.JiraSource && e.EventType == JiraWebhookEvents.CommentCreated).ToListAsync();
        stored.Should().ContainSingle();
        stored[0].DedupeKey.Should().StartWith("sha256:", "the signed body identifies the delivery, not the unsigned identifier header");
        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(stored[0].Payload), out var parsed).Should().BeTrue();
        parsed!.CommentId.Should().Be(comment.Id);
        parsed.IssueKey.Should().Be("SUP-1");
        parsed.IsMadeBy(JiraSandboxAccounts.ConnectorAccountId).Should().BeFalse("Mia wrote it");
        JsonNode.Parse(stored[0].Payload)!["comment"]!["body"]!.GetValue<string>().Should().Be("Customer says it works again.",
            "webhooks carry rich text as plain strings, not ADF");
        (await db.JiraConnections.SingleAsync()).LastWebhookEventAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Delivery_OfTheConnectorsOwnChange_IsRecognisableByItsAccountId()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);

        await ConnectorClient(app).EditIssueAsync("SUP-2", new JsonObject { ["labels"] = new JsonArray("from-zoho") });
        await WaitForDeliveriesAsync(app);

        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.SingleAsync(e => e.EventType == JiraWebhookEvents.IssueUpdated);
        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(stored.Payload), out var parsed).Should().BeTrue();
        parsed!.IsMadeBy(JiraSandboxAccounts.ConnectorAccountId).Should().BeTrue();
        parsed.ChangedFields.Should().Contain(c => c.Field == "labels" && c.ToText == "from-zoho");
    }

    [Fact]
    public async Task Delivery_AfterTheReceiverFailedOnce_IsRetriedWithTheSameIdentifier_AndStoredOnce()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);
        app.Services.GetRequiredService<JiraSandboxFaults>().FailNextWebhookAttempts(1);

        await using (var upload = new MemoryStream(Encoding.UTF8.GetBytes("log")))
        {
            await UserClient(app).UploadAttachmentAsync("SUP-3", "log.txt", "text/plain", upload);
        }

        await WaitForDeliveriesAsync(app);

        var attempts = Deliveries(app).OrderBy(d => d.Attempt).ToList();
        attempts.Should().Contain(d => d.Attempt == 1 && d.Status == 200);
        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.Where(e => e.Source == InboundEventStore.JiraSource).ToListAsync();
        stored.Select(e => e.EventType).Should().BeEquivalentTo([JiraWebhookEvents.AttachmentCreated, JiraWebhookEvents.IssueUpdated]);
        var attachmentEvent = stored.Single(e => e.EventType == JiraWebhookEvents.AttachmentCreated);
        JiraWebhookParser.TryParse(Encoding.UTF8.GetBytes(attachmentEvent.Payload), out var parsed).Should().BeTrue();
        parsed!.IssueId.Should().BeNull("Jira's attachment events do not name the issue");
        parsed.AttachmentFileName.Should().Be("log.txt");
    }

    [Fact]
    public async Task Webhook_FilteredByJql_ToTheProjectsSmartItemsUse()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await using (var db = app.CreateDbContext())
        {
            db.SmartItems.Add(new SmartItemDefinition
            {
                Id = Guid.NewGuid(),
                Name = "Dev bugs",
                Mode = SyncMode.TwoWay,
                JiraProjectKey = "DEV",
                JiraIssueType = "10001",
                ZohoModule = "tickets",
                DefinitionJson = "{}",
            });
            await db.SaveChangesAsync();
        }

        var hook = await ConnectAndRegisterAsync(app);
        hook.JqlFilter.Should().Be("project in (DEV)");

        await UserClient(app).AddCommentAsync("SUP-4", Doc("not in scope"));
        await UserClient(app).AddCommentAsync("DEV-1", Doc("in scope"));
        await WaitForDeliveriesAsync(app);

        await using var check = app.CreateDbContext();
        var payloads = await check.InboundEvents.Select(e => e.Payload).ToListAsync();
        payloads.Should().ContainSingle().Which.Should().Contain("DEV-1");
    }

    [Fact]
    public async Task Delivery_DroppedByTheSite_NeverArrives_AndTheNextOneDoes()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);
        app.Services.GetRequiredService<JiraSandboxFaults>().DropNextWebhooks(1);

        await UserClient(app).AddCommentAsync("SUP-6", Doc("lost in transit"));
        await UserClient(app).AddCommentAsync("SUP-6", Doc("arrives"));
        await WaitForDeliveriesAsync(app);

        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.Select(e => e.Payload).ToListAsync();
        stored.Should().ContainSingle().Which.Should().Contain("arrives");
    }

    [Fact]
    public async Task Delivery_WithRichTextAsAdf_IsStoredAsSent()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);
        app.Services.GetRequiredService<JiraSandboxFaults>().WebhookRichTextAsAdf = true;

        await UserClient(app).AddCommentAsync("SUP-5", Doc("As a document"));
        await WaitForDeliveriesAsync(app);

        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.SingleAsync(e => e.EventType == JiraWebhookEvents.CommentCreated);
        JsonNode.Parse(stored.Payload)!["comment"]!["body"]!["type"]!.GetValue<string>().Should().Be("doc");
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData("wrong-secret")]
    public async Task Delivery_WithABadSignature_Is401_AndNothingIsStored(string signature)
    {
        await using var app = new ZohoJiraAppFactory().Start();
        await ConnectAndRegisterAsync(app);
        var body = Encoding.UTF8.GetBytes("""{"webhookEvent":"comment_created","comment":{"id":"1"},"issue":{"id":"10000","key":"SUP-1"}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, JiraWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(JiraWebhookHeaders.Identifier, Guid.NewGuid().ToString());
        if (signature.Length > 0)
        {
            request.Headers.Add(JiraWebhookSignature.HeaderName, signature == "wrong-secret" ? JiraWebhookSignature.Compute("wrong-secret", body) : signature);
        }

        using var response = await app.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(0);
        (await db.JiraConnections.SingleAsync()).LastWebhookEventAt.Should().BeNull();
    }

    [Fact]
    public async Task Delivery_SignedByHand_IsStoredOnce_EvenWhenPostedAgain_AndOversizedBodiesAreRefused()
    {
        await using var app = new ZohoJiraAppFactory().Start();
        var connections = app.Services.GetRequiredService<JiraConnectionService>();
        await connections.SaveAsync(SiteUrl.ToString(), JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var manual = await connections.GetManualInstructionsAsync(JiraWebhookEndpoints.ReceiverUrl(app.Services));
        manual.Events.Should().BeEquivalentTo(JiraWebhookEvents.Subscribed);
        manual.Url.Should().Be(new Uri("http://localhost/webhooks/jira"));

        var body = Encoding.UTF8.GetBytes($$$"""{"timestamp":{{{app.Time.GetUtcNow().ToUnixTimeMilliseconds()}}},"webhookEvent":"jira:issue_updated","user":{"accountId":"x"},"issue":{"id":"10000","key":"SUP-1"}}""");
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.SendAsync(Signed(body, manual.Secret, "manual-1"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var huge = Encoding.UTF8.GetBytes("{\"webhookEvent\":\"x\",\"pad\":\"" + new string('a', JiraWebhookEndpoints.MaxBodyBytes) + "\"}");
        using (var tooLarge = await client.SendAsync(Signed(huge, manual.Secret, "manual-2")))
        {
            tooLarge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }

        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(1);
    }

    private static HttpRequestMessage Signed(byte[] body, string secret, string identifier)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, JiraWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(JiraWebhookHeaders.Identifier, identifier);
        request.Headers.Add(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute(secret, body));
        return request;
    }

    private static async Task<JiraWebhook> ConnectAndRegisterAsync(ZohoJiraAppFactory app)
    {
        var connections = app.Services.GetRequiredService<JiraConnectionService>();
        var me = await connections.SaveAsync(SiteUrl.ToString(), JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        me.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        var hook = await connections.RegisterWebhookAsync(JiraWebhookEndpoints.ReceiverUrl(app.Services));
        var status = await connections.GetStatusAsync();
        status!.WebhookState.Should().Be(JiraWebhookStates.Registered);
        status.WebhookId.Should().Be(hook.Id);
        return hook;
    }

    private static IJiraClient UserClient(ZohoJiraAppFactory app) => app.Services.GetRequiredService<IJiraClientFactory>()
        .Create(new JiraSite(SiteUrl, JiraSandboxAccounts.UserEmail, JiraSandboxAccounts.UserApiToken));

    private static IJiraClient ConnectorClient(ZohoJiraAppFactory app) => app.Services.GetRequiredService<IJiraClientFactory>()
        .Create(new JiraSite(SiteUrl, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken));

    private static Task WaitForDeliveriesAsync(ZohoJiraAppFactory app) =>
        app.Services.GetRequiredService<JiraSandboxWebhooks>().WaitForIdleAsync(TimeSpan.FromSeconds(20));

    private static IReadOnlyList<JiraSandboxWebhooks.DeliveryRecord> Deliveries(ZohoJiraAppFactory app) =>
        app.Services.GetRequiredService<JiraSandboxWebhooks>().Recent;

    private static JsonObject Doc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };
}
