using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Webhooks;

/// <summary>Zoho webhook checks that share one connected app: refusals, URL validation and subscription management.</summary>
public sealed class ZohoWebhookEndpointTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private readonly ZohoJiraAppFactory _app = fixture.App;
    private readonly IZohoDeskClient _client = fixture.Client;

    [Fact]
    public async Task Delivery_WrongIssuerOrMissingJwt_IsRefused()
    {
        var key = _app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        var url = await ZohoWebhookReceivingTests.UrlAsync(_app);

        var otherOrg = await ZohoWebhookReceivingTests.PostAsync(_app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), key.Sign("99999999", "1234567", _app.Time.GetUtcNow()));
        var none = await ZohoWebhookReceivingTests.PostAsync(_app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), null);
        var expired = await ZohoWebhookReceivingTests.PostAsync(_app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), key.Sign(ZohoSandboxState.OrgId, "1234567", _app.Time.GetUtcNow().AddHours(-1)));

        otherOrg.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Endpoint_ValidationGetAndUrlToken_AnswerLikeZohoExpects()
    {
        using var http = _app.CreateClient();
        var url = await ZohoWebhookReceivingTests.UrlAsync(_app);

        (await http.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync(ZohoWebhookAddress.PathPrefix + "/not-the-token")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ZohoWebhookReceivingTests.PostAsync(_app, ZohoWebhookAddress.PathPrefix + "/not-the-token", ZohoWebhookReceivingTests.Event("Ticket_Add"), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delivery_OversizedOrMalformed_IsRefusedClearly()
    {
        var key = _app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        var jwt = key.Sign(ZohoSandboxState.OrgId, "1234567", _app.Time.GetUtcNow());
        var url = await ZohoWebhookReceivingTests.UrlAsync(_app);

        var big = await ZohoWebhookReceivingTests.PostAsync(_app, url, "[" + new string(' ', (1024 * 1024) + 10) + "]", jwt);
        var malformed = await ZohoWebhookReceivingTests.PostAsync(_app, url, "{\"not\":\"an event\"", jwt);

        big.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Webhooks_ListUpdateDelete_ThroughTheClient()
    {
        var created = await ZohoWebhookReceivingTests.SubscribeAsync(_app, _client, "Ticket_Add");

        var updated = await _client.UpdateWebhookAsync(created.Id, new ZohoWebhookInput(IsEnabled: false, Name: "paused"));
        var listed = await _client.ListWebhooksAsync();
        await _client.DeleteWebhookAsync(created.Id);
        var afterDelete = await _client.ListWebhooksAsync();

        updated.IsEnabled.Should().BeFalse();
        listed.Should().ContainSingle().Which.Subscriptions.Should().ContainKey("Ticket_Add");
        afterDelete.Should().BeEmpty("an empty list is Zoho's 204");
    }

    [Fact]
    public async Task CreateWebhook_UrlThatDoesNotAnswer200_IsRefusedByZoho()
    {

        var act = () => _client.CreateWebhookAsync(new ZohoWebhookInput(new Uri("http://localhost/webhooks/zoho/wrong-token"),
            Subscriptions: new Dictionary<string, JsonObject?> { ["Ticket_Add"] = null }));

        (await act.Should().ThrowAsync<ZohoJira.Core.Common.ExternalApiException>()).Which.VendorErrorCode.Should().Be("INTERNAL_SERVER_ERROR");
    }
}
