using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Zoho.Webhooks;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Tests.Web.Webhooks;

/// <summary>Captured deliveries replayed, tokens with odd claims, and strangers trying to make the app fetch Zoho's keys.</summary>
public sealed class WebhookReplayTests
{
    private static readonly Uri SiteUrl = new("http://localhost" + JiraSandboxAccounts.SitePath);

    [Fact]
    public async Task ZohoToken_CarriesABurstOfDeliveries_ButNoMore_AndTheSameDeliveryAgainIsHarmless()
    {
        // Zoho's token is the same for every delivery of a subscription within one second (claims in whole seconds, a
        // deterministic signature), so several bodies per token are genuine; a captured token carries no more than a burst.
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        var url = await ZohoWebhookReceivingTests.UrlAsync(app);
        var key = app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        var jwt = key.Sign(ZohoSandboxState.OrgId, "1", app.Time.GetUtcNow());
        key.Sign(ZohoSandboxState.OrgId, "1", app.Time.GetUtcNow()).Should().Be(jwt, "Zoho's tokens repeat within a second");
        var burst = Enumerable.Range(0, WebhookTokenUses.MaxBodiesPerToken)
            .Select(i => ZohoWebhookReceivingTests.Event("Ticket_Update").Replace("\"eventType\"", $"\"n\":{i},\"eventType\"", StringComparison.Ordinal))
            .ToList();

        foreach (var body in burst)
        {
            (await ZohoWebhookReceivingTests.PostAsync(app, url, body, jwt)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var oneMore = ZohoWebhookReceivingTests.Event("Ticket_Delete");
        (await ZohoWebhookReceivingTests.PostAsync(app, url, oneMore, jwt)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ZohoWebhookReceivingTests.PostAsync(app, url, burst[0], jwt)).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(WebhookTokenUses.MaxBodiesPerToken, "each delivery is stored once");
        (await db.InboundEvents.AnyAsync(e => e.EventType == "Ticket_Delete")).Should().BeFalse();
    }

    [Theory]
    [InlineData("no exp")]
    [InlineData("expired")]
    [InlineData("lives a day")]
    [InlineData("exp as text")]
    [InlineData("wrong types")]
    public async Task ZohoToken_WellSignedButWithoutAUsableExpiry_IsRefused(string variant)
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        var now = app.Time.GetUtcNow();
        var iss = $"\"iss\":\"orgId:{ZohoSandboxState.OrgId}\",\"aud\":\"webhookId:1\"";
        var claims = variant switch
        {
            "no exp" => $"{{{iss},\"iat\":{now.ToUnixTimeSeconds()}}}",
            "expired" => $"{{{iss},\"iat\":{now.AddMinutes(-10).ToUnixTimeSeconds()},\"exp\":{now.AddMinutes(-5).ToUnixTimeSeconds()}}}",
            "lives a day" => $"{{{iss},\"iat\":{now.ToUnixTimeSeconds()},\"exp\":{now.AddDays(1).ToUnixTimeSeconds()}}}",
            "exp as text" => $"{{{iss},\"exp\":\"soon\"}}",
            _ => "{\"jti\":1,\"exp\":\"soon\",\"aud\":5,\"iss\":{}}",
        };
        var jwt = app.Services.GetRequiredService<ZohoSandboxSigningKey>().SignPayload(claims);

        var response = await ZohoWebhookReceivingTests.PostAsync(app, await ZohoWebhookReceivingTests.UrlAsync(app),
            ZohoWebhookReceivingTests.Event("Ticket_Add"), jwt);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    [InlineData("...")]
    public async Task ZohoToken_Unreadable_Is401Not500(string jwt)
    {
        await using var app = new ZohoJiraAppFactory().InEnvironment("Production");
        await ZohoSandboxConnection.ConnectAsync(app);

        var response = await ZohoWebhookReceivingTests.PostAsync(app, await ZohoWebhookReceivingTests.UrlAsync(app),
            ZohoWebhookReceivingTests.Event("Ticket_Add"), jwt);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ZohoEvent_WithOutOfRangeTimeOrEmptyType_GetsA4xxOrIsStored_NeverA5xx()
    {
        await using var app = new ZohoJiraAppFactory().InEnvironment("Production");
        await ZohoSandboxConnection.ConnectAsync(app);
        var url = await ZohoWebhookReceivingTests.UrlAsync(app);
        var key = app.Services.GetRequiredService<ZohoSandboxSigningKey>();

        string[] bodies =
        [
            $"[{{\"eventType\":\"Ticket_Add\",\"eventTime\":\"99999999999999999\",\"orgId\":\"{ZohoSandboxState.OrgId}\"}}]",
            $"[{{\"eventType\":\"Ticket_Add\",\"eventTime\":1e300,\"orgId\":\"{ZohoSandboxState.OrgId}\"}}]",
            $"[{{\"eventType\":\"Ticket_Add\",\"eventTime\":1.5,\"orgId\":\"{ZohoSandboxState.OrgId}\"}}]",
            $"[{{\"eventType\":\"\",\"eventTime\":\"1\",\"orgId\":\"{ZohoSandboxState.OrgId}\"}}]",
        ];
        var statuses = new List<HttpStatusCode>();
        foreach (var body in bodies)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            statuses.Add((await ZohoWebhookReceivingTests.PostAsync(app, url, body, key.Sign(ZohoSandboxState.OrgId, "1", app.Time.GetUtcNow()))).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(3);
    }

    [Fact]
    public async Task UnknownKeyIds_FetchZohosKeysAtMostOnceAMinute()
    {
        await using var app = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(app);
        var url = await ZohoWebhookReceivingTests.UrlAsync(app);
        var key = app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        var before = key.JwksServed;

        for (var i = 0; i < 100; i++)
        {
            (await ZohoWebhookReceivingTests.PostAsync(app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), UnknownKid(i)))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        key.JwksServed.Should().Be(before + 1, "the first request loads the key set; the other 99 unknown key ids wait a minute");

        // The cached set still verifies genuine deliveries, without another fetch.
        (await ZohoWebhookReceivingTests.PostAsync(app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"),
            key.Sign(ZohoSandboxState.OrgId, "1", app.Time.GetUtcNow()))).StatusCode.Should().Be(HttpStatusCode.OK);
        key.JwksServed.Should().Be(before + 1);

        app.Time.Advance(ZohoWebhookVerifier.MinFetchInterval);
        for (var i = 100; i < 200; i++)
        {
            await ZohoWebhookReceivingTests.PostAsync(app, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), UnknownKid(i));
        }

        key.JwksServed.Should().Be(before + 2, "a minute later one more fetch is allowed");
    }

    [Fact]
    public async Task Log_NeverHoldsTheWebhookUrlToken_NorTheStoredTokenInClearText()
    {
        await using var app = new ZohoJiraAppFactory();
        var client = await ZohoSandboxConnection.ConnectAsync(app);
        await ZohoWebhookReceivingTests.SubscribeAsync(app, client, "Ticket_Update");
        var ticket = app.State().Records["tickets"].Keys.First();
        for (var i = 0; i < 3; i++)
        {
            await client.UpdateRecordAsync(global::ZohoJira.Core.Zoho.Models.ZohoModule.Tickets, ticket, new System.Text.Json.Nodes.JsonObject { ["priority"] = i % 2 == 0 ? "Low" : "High" });
            await app.Services.GetRequiredService<ZohoSandboxWebhookDispatcher>().WhenIdleAsync();
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var token = (await ZohoWebhookReceivingTests.UrlAsync(app)).Split('/')[^1];
        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync()).Should().Be(3, "the deliveries arrived");
        app.Logs.Entries.Should().NotBeEmpty().And.NotContain(e => e.Message.Contains(token, StringComparison.Ordinal));

        // At rest the token is encrypted, and found by its hash.
        await using var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT WebhookUrlToken, WebhookUrlTokenHash FROM zoho_connections";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().NotContain(token).And.StartWith("zj1:");
        reader.GetString(1).Should().Be(WebhookUrlTokens.Hash(token));
    }

    [Fact]
    public async Task LegacyPlainUrlToken_IsHashedAndEncryptedAtStartUp_AndStillReceives()
    {
        await using var first = new ZohoJiraAppFactory();
        await ZohoSandboxConnection.ConnectAsync(first);
        await using (var db = first.CreateDbContext())
        {
            // As an older version left it: the token in plain text, no hash.
            await db.Database.ExecuteSqlRawAsync("UPDATE zoho_connections SET WebhookUrlToken = 'legacy-plain-token', WebhookUrlTokenHash = NULL");
        }

        await using var second = new ZohoJiraAppFactory(first.DataDirectory).Start();
        var url = await ZohoWebhookReceivingTests.UrlAsync(second);
        url.Should().EndWith("/legacy-plain-token");
        var jwt = second.Services.GetRequiredService<ZohoSandboxSigningKey>().Sign(ZohoSandboxState.OrgId, "1", second.Time.GetUtcNow());
        (await ZohoWebhookReceivingTests.PostAsync(second, url, ZohoWebhookReceivingTests.Event("Ticket_Add"), jwt)).StatusCode
            .Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task JiraDelivery_ResentWithNewIdentifiers_IsStoredOnce_AndAnOldOneIsRefused()
    {
        await using var app = new ZohoJiraAppFactory().InEnvironment("Production").Start();
        var secret = await JiraSecretAsync(app);
        var now = app.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var body = Encoding.UTF8.GetBytes($"{{\"timestamp\":{now},\"webhookEvent\":\"comment_created\",\"comment\":{{\"id\":\"7\"}},\"issue\":{{\"id\":\"10000\",\"key\":\"SUP-1\"}}}}");
        using var client = app.CreateClient();

        foreach (var identifier in new[] { "first", "second", new string('x', 500), new string('x', 500) })
        {
            using var response = await client.SendAsync(JiraSigned(body, secret, identifier));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var old = Encoding.UTF8.GetBytes($"{{\"timestamp\":{now - (long)TimeSpan.FromDays(2).TotalMilliseconds},\"webhookEvent\":\"comment_created\",\"comment\":{{\"id\":\"8\"}}}}");
        using (var stale = await client.SendAsync(JiraSigned(old, secret, "old")))
        {
            stale.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        foreach (var odd in new[] { "1e300", "1.5", "\"x\"" })
        {
            var oddBody = Encoding.UTF8.GetBytes($"{{\"timestamp\":{odd},\"webhookEvent\":\"comment_created\",\"user\":5,\"changelog\":{{\"items\":[1]}}}}");
            using var response = await client.SendAsync(JiraSigned(oddBody, secret, "odd"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, "a well-signed event with odd members is stored for the engine to judge");
        }

        await using var db = app.CreateDbContext();
        (await db.InboundEvents.CountAsync(e => e.Payload.Contains("\"id\":\"7\""))).Should().Be(1);
        (await db.InboundEvents.CountAsync(e => e.Payload.Contains("\"id\":\"8\""))).Should().Be(0);
    }

    [Fact]
    public async Task ChunkedBodiesOverTheLimit_Get413_InProduction()
    {
        await using var app = new ZohoJiraAppFactory().InEnvironment("Production").Start();
        var secret = await JiraSecretAsync(app);
        await ZohoSandboxConnection.ConnectAsync(app);
        var zohoUrl = await ZohoWebhookReceivingTests.UrlAsync(app);
        using var client = app.CreateClient();
        var huge = Encoding.UTF8.GetBytes("{\"webhookEvent\":\"x\",\"pad\":\"" + new string('a', 3 * 1024 * 1024) + "\"}");

        foreach (var path in new[] { JiraWebhookEndpoints.Path, zohoUrl })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(new NonSeekableStream(huge)) };
            request.Content.Headers.ContentLength.Should().BeNull("the body is sent chunked, without a length to check first");
            request.Headers.Add(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute(secret, huge));
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, path);
        }
    }

    private static async Task<string> JiraSecretAsync(ZohoJiraAppFactory app)
    {
        var connections = app.Services.GetRequiredService<JiraConnectionService>();
        var site = app.BaseUrl is { } baseUrl ? baseUrl + JiraSandboxAccounts.SitePath : SiteUrl.ToString();
        await connections.SaveAsync(site, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        return (await connections.GetManualInstructionsAsync(JiraWebhookEndpoints.ReceiverUrl(app.Services))).Secret;
    }

    private static HttpRequestMessage JiraSigned(byte[] body, string secret, string identifier)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, JiraWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(JiraWebhookHeaders.Identifier, identifier);
        request.Headers.Add(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute(secret, body));
        return request;
    }

    /// <summary>An RS256-looking token whose key id nobody published (the signature is junk).</summary>
    private static string UnknownKid(int i) =>
        B64($"{{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger-{i}\"}}") + "." + B64($"{{\"iss\":\"orgId:{ZohoSandboxState.OrgId}\",\"aud\":\"webhookId:1\",\"exp\":1}}") + ".c2ln";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
