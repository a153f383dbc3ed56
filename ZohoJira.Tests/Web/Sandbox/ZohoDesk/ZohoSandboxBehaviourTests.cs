using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Sandbox.ZohoDesk;

/// <summary>The simulated Zoho Accounts and Desk over raw HTTP: Zoho's OAuth semantics, authentication answers, limits and
/// modifiedTime moving on every change.</summary>
public sealed class ZohoSandboxBehaviourTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private const string Accounts = "/sandbox/zoho/accounts";
    private const string Desk = "/sandbox/zoho/desk";

    private readonly ZohoJiraAppFactory _app = fixture.App;

    [Fact]
    public async Task Token_CodeIsSingleUse_SecondExchangeIsInvalidCodeWithHttp200()
    {
        using var http = _app.CreateClient();
        var code = _app.Accounts().GenerateCode();

        var first = await ExchangeAsync(http, code.Code);
        var second = await http.PostAsync($"{Accounts}/oauth/v2/token", Form(("grant_type", "authorization_code"),
            ("client_id", code.ClientId), ("client_secret", code.ClientSecret), ("code", code.Code)));

        first.GetProperty("refresh_token").GetString().Should().StartWith("1000.");
        first.GetProperty("expires_in").GetInt32().Should().Be(3600);
        first.GetProperty("token_type").GetString().Should().Be("Bearer");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_code");
    }

    [Fact]
    public async Task Token_ParametersInTheQueryString_AreAcceptedToo()
    {
        using var http = _app.CreateClient();
        var code = _app.Accounts().GenerateCode();

        var response = await http.PostAsync(
            $"{Accounts}/oauth/v2/token?grant_type=authorization_code&client_id={code.ClientId}&client_secret={code.ClientSecret}&code={code.Code}", null);

        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("access_token", out _).Should().BeTrue();
    }

    [Fact]
    public async Task AccessToken_ExpiresAfterOneHourOnTheAppClock_RefreshGivesANewOneWithoutRefreshToken()
    {
        using var http = _app.CreateClient();
        var token = await ExchangeAsync(http, _app.Accounts().GenerateCode().Code);
        var access = token.GetProperty("access_token").GetString()!;

        var before = await DeskGetAsync(http, "/api/v1/organizations", access);
        _app.Time.Advance(TimeSpan.FromMinutes(61));
        var after = await DeskGetAsync(http, "/api/v1/organizations", access);
        var refreshed = await (await http.PostAsync($"{Accounts}/oauth/v2/token", Form(("grant_type", "refresh_token"),
            ("client_id", ZohoSandboxAccounts.ClientId), ("client_secret", ZohoSandboxAccounts.ClientSecret),
            ("refresh_token", token.GetProperty("refresh_token").GetString()!)))).Content.ReadFromJsonAsync<JsonElement>();
        var withNew = await DeskGetAsync(http, "/api/v1/organizations", refreshed.GetProperty("access_token").GetString()!);

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("INVALID_OAUTH");
        refreshed.TryGetProperty("refresh_token", out _).Should().BeFalse();
        withNew.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoke_InvalidatesTheRefreshTokenAndItsAccessTokens_UnknownTokenIs400()
    {
        using var http = _app.CreateClient();
        var token = await ExchangeAsync(http, _app.Accounts().GenerateCode().Code);
        var refresh = token.GetProperty("refresh_token").GetString()!;

        var revoked = await http.PostAsync($"{Accounts}/oauth/v2/token/revoke?token={refresh}", null);
        var again = await http.PostAsync($"{Accounts}/oauth/v2/token/revoke?token={refresh}", null);
        var call = await DeskGetAsync(http, "/api/v1/organizations", token.GetProperty("access_token").GetString()!);

        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        call.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Desk_NoTokenOrOtherOrg_AnswersLikeZoho()
    {
        using var http = _app.CreateClient();
        var access = (await ExchangeAsync(http, _app.Accounts().GenerateCode().Code)).GetProperty("access_token").GetString()!;

        var none = await http.GetAsync($"{Desk}/api/v1/tickets?from=0&limit=1");
        using var otherOrg = new HttpRequestMessage(HttpMethod.Get, $"{Desk}/api/v1/tickets?from=0&limit=1");
        otherOrg.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        otherOrg.Headers.Add("orgId", "11111111");
        var mismatch = await http.SendAsync(otherOrg);

        (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("UNAUTHORIZED");
        (await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("OAUTH_ORG_MISMATCH");
    }

    [Fact]
    public async Task Desk_OverTheConcurrencyLimit_Answers429WithoutRetryAfter()
    {
        using var http = _app.CreateClient();
        var access = (await ExchangeAsync(http, _app.Accounts().GenerateCode().Code)).GetProperty("access_token").GetString()!;
        var faults = _app.Faults();
        faults.ConcurrencyLimit = 1;
        faults.AddLatency(TimeSpan.FromMilliseconds(300));
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DeskGetAsync(http, "/api/v1/organizations", access)));

            var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            throttled.Should().NotBeEmpty();
            throttled.Should().OnlyContain(r => r.Headers.RetryAfter == null);
            (await throttled[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("TOO_MANY_REQUESTS");
        }
        finally
        {
            faults.ConcurrencyLimit = 25;
            faults.Reset();
        }
    }

    [Fact]
    public async Task Ticket_ModifiedTimeMovesOnEveryChange()
    {
        var client = fixture.Client;
        var ticket = _app.AddTickets(1, _app.Time.GetUtcNow())[0];
        var times = new List<DateTimeOffset?> { (await client.GetRecordAsync(ZohoModule.Tickets, ticket))!.ModifiedTime };

        _app.Time.Advance(TimeSpan.FromSeconds(5));
        await client.UpdateRecordAsync(ZohoModule.Tickets, ticket, new JsonObject { ["priority"] = "High" });
        times.Add((await client.GetRecordAsync(ZohoModule.Tickets, ticket))!.ModifiedTime);
        _app.Time.Advance(TimeSpan.FromSeconds(5));
        await client.CreateCommentAsync(ZohoModule.Tickets, ticket, new ZohoCommentInput("<p>note</p>"));
        times.Add((await client.GetRecordAsync(ZohoModule.Tickets, ticket))!.ModifiedTime);
        _app.Time.Advance(TimeSpan.FromSeconds(5));
        await using (var file = new MemoryStream([1]))
        {
            await client.UploadAttachmentAsync(ZohoModule.Tickets, ticket, "x.bin", file);
        }

        times.Add((await client.GetRecordAsync(ZohoModule.Tickets, ticket))!.ModifiedTime);

        times.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
    }

    [Fact]
    public void Seed_IsTheSameEveryTime_AndCoversWhatTheProductNeeds()
    {
        var at = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var first = new ZohoSandboxState(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at));
        var second = new ZohoSandboxState(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at));
        ZohoSandboxSeed.Apply(first, at);
        ZohoSandboxSeed.Apply(second, at);

        static List<string?> Subjects(ZohoSandboxState s) => [.. s.Records["tickets"].Values.Select(t => t["subject"]?.GetValue<string>())];
        Subjects(first).Should().Equal(Subjects(second));
        var tickets = first.Records["tickets"].Values.ToList();
        tickets.Should().HaveCount(50);
        tickets.Select(t => t["status"]!.GetValue<string>()).Distinct().Should().BeEquivalentTo("Open", "On Hold", "Escalated", "Closed");
        tickets.Select(t => t["priority"]!.GetValue<string>()).Distinct().Should().HaveCount(3);
        tickets.Select(t => t["channel"]!.GetValue<string>()).Distinct().Should().HaveCountGreaterThan(3);
        first.Departments.Should().HaveCountGreaterThan(1);
        first.Agents.Should().HaveCountGreaterThan(1);
        first.Comments.Values.Sum(c => c.Count).Should().BePositive();
        first.Threads.Values.SelectMany(t => t).Should().Contain(t => t.Attachments.Count > 0);
        first.Attachments.Values.SelectMany(a => a).Should().ContainSingle(a => a.Size > 10 * 1024 * 1024);
        first.TimeEntries.Should().NotBeEmpty();
        foreach (var module in new[] { "contacts", "accounts", "tasks", "calls", "events", "products", "contracts" })
        {
            first.Records[module].Should().NotBeEmpty(module);
        }
    }

    [Fact]
    public void GeneratedAttachmentBytes_AreDeterministicAndSeekable()
    {
        using var a = new SandboxGeneratedStream(7, 100_000);
        using var b = new SandboxGeneratedStream(7, 100_000);
        var all = new byte[100_000];
        a.ReadExactly(all);
        b.Position = 50_000;
        var tail = new byte[50_000];
        b.ReadExactly(tail);

        tail.Should().Equal(all[50_000..]);
        all.Distinct().Should().HaveCountGreaterThan(200);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));

    private static async Task<JsonElement> ExchangeAsync(HttpClient http, string code)
    {
        var response = await http.PostAsync($"{Accounts}/oauth/v2/token", Form(("grant_type", "authorization_code"),
            ("client_id", ZohoSandboxAccounts.ClientId), ("client_secret", ZohoSandboxAccounts.ClientSecret), ("code", code)));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> DeskGetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Desk + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        request.Headers.Add("orgId", ZohoSandboxState.OrgId);
        return await http.SendAsync(request);
    }
}
