using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Sandbox.ZohoDesk;

/// <summary>Holds the simulated Zoho Desk to Zoho's own OpenAPI description: every route it serves (read from the app's
/// endpoint table, so new routes are covered automatically) must exist there with the same method, path parameters and
/// query parameter names, and the main objects it answers with must validate against the documented schemas.</summary>
public sealed class ZohoDeskOpenApiConformanceTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private const string DeskPrefix = "/sandbox/zoho/desk";

    /// <summary>Routes Zoho documents outside these OpenAPI files, each with where it is documented.</summary>
    private static readonly Dictionary<(string Method, string Path), string> DocumentedElsewhere = new()
    {
        [("GET", "/api/v1/tickets/{ticketId}/attachments/{attachmentId}/content")] =
            "the download address in every attachment's href (TicketAttachment.json examples)",
        [("GET", "/api/v1/accounts/{accountId}/attachments/{attachmentId}/content")] =
            "the download address in every account attachment's href (as for tickets)",
        [("GET", "/api/v1/contacts/{contactId}/attachments/{attachmentId}/content")] =
            "the download address in every contact attachment's href (as for tickets)",
        [("GET", "/api/v1/products/{productId}/attachments/{attachmentId}/content")] =
            "the download address in every product attachment's href (as for tickets)",
        [("GET", "/api/v1/tasks/{taskId}/attachments/{attachmentId}/content")] =
            "the download address in every task attachment's href (as for tickets)",
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}")] =
            "Get a thread (Zoho Desk API docs, Threads); returns the thread's attachments",
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}/attachments/{attachmentId}/content")] =
            "the download address in a thread attachment's href",
    };

    /// <summary>What each route of <see cref="DocumentedElsewhere"/> needs: the scopes of the documented route it belongs to.</summary>
    internal static readonly Dictionary<(string Method, string Path), (string Method, string Path)> NeedsWhatItsParentNeeds = new()
    {
        [("GET", "/api/v1/tickets/{ticketId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/tickets/{ticketId}/attachments"),
        [("GET", "/api/v1/accounts/{accountId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/accounts/{accountId}/attachments"),
        [("GET", "/api/v1/contacts/{contactId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/contacts/{contactId}/attachments"),
        [("GET", "/api/v1/products/{productId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/products/{productId}/attachments"),
        [("GET", "/api/v1/tasks/{taskId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/tasks/{taskId}/attachments"),
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}")] = ("GET", "/api/v1/tickets/{ticketId}/threads"),
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}/attachments/{attachmentId}/content")] = ("GET", "/api/v1/tickets/{ticketId}/threads"),
    };

    private static readonly Lazy<ZohoOpenApiDocuments> Documents = new(ZohoOpenApiDocuments.Load);

    private readonly ZohoJiraAppFactory _app = fixture.App;

    [Fact]
    public void EveryRoute_ExistsInZohosDescription_WithTheSameMethodAndParameterNames()
    {
        var routes = SimulatorRoutes();
        var problems = new List<string>();

        foreach (var route in routes)
        {
            if (DocumentedElsewhere.ContainsKey((route.Method, route.Path)))
            {
                continue;
            }

            if (!Documents.Value.Operations.TryGetValue((route.Method, route.Path), out var operation))
            {
                problems.Add($"{route.Method} {route.Path}: not in Zoho's OpenAPI files");
                continue;
            }

            var documented = Documents.Value.Parameters(operation.File, operation.Operation);
            foreach (var name in route.PathParameters)
            {
                if (!documented.Contains(("path", name)))
                {
                    problems.Add($"{route.Method} {route.Path}: path parameter '{name}' is not documented");
                }
            }

            if (route.QueryParameters is null)
            {
                problems.Add($"{route.Method} {route.Path}: declares no ZohoSandboxQueryParameters metadata");
                continue;
            }

            foreach (var name in route.QueryParameters)
            {
                if (!documented.Contains(("query", name)))
                {
                    problems.Add($"{route.Method} {route.Path}: query parameter '{name}' is not documented ({operation.File})");
                }
            }
        }

        routes.Should().HaveCountGreaterThan(40, "the simulator serves Zoho Desk's main APIs");
        problems.Should().BeEmpty();
    }

    [Fact]
    public void DocumentedElsewhere_OnlyNamesRoutesTheSimulatorServes()
    {
        var served = SimulatorRoutes().Select(r => (r.Method, r.Path)).ToHashSet();

        DocumentedElsewhere.Keys.Should().OnlyContain(k => served.Contains(k));
        DocumentedElsewhere.Keys.Should().OnlyContain(k => !Documents.Value.Operations.ContainsKey(k),
            "a route that Zoho's files now describe is checked like every other");
    }

    [Theory]
    [InlineData("GET", "/api/v1/organizations", "/api/v1/organizations", "200")]
    [InlineData("GET", "/api/v1/tickets/{ticketId}", "/api/v1/tickets/{ticket}", "200")]
    [InlineData("GET", "/api/v1/tickets", "/api/v1/tickets?from=0&limit=50", "200")]
    [InlineData("GET", "/api/v1/tickets/search", "/api/v1/tickets/search?modifiedTimeRange={range}&sortBy=modifiedTime&from=0&limit=100", "200")]
    [InlineData("GET", "/api/v1/contacts/{contactId}", "/api/v1/contacts/{contact}", "200")]
    [InlineData("GET", "/api/v1/contacts/search", "/api/v1/contacts/search?modifiedTimeRange={range}&sortBy=modifiedTime&from=0&limit=50", "200")]
    [InlineData("GET", "/api/v1/accounts/{accountId}", "/api/v1/accounts/{account}", "200")]
    [InlineData("GET", "/api/v1/tickets/{ticketId}/comments", "/api/v1/tickets/{commented}/comments?from=0&limit=100", "200")]
    [InlineData("GET", "/api/v1/tickets/{ticketId}/attachments", "/api/v1/tickets/{attached}/attachments?from=0&limit=100", "200")]
    [InlineData("GET", "/api/v1/tickets/{caseId}/timeEntry", "/api/v1/tickets/{timed}/timeEntry?from=0&limit=50", "200")]
    [InlineData("GET", "/api/v1/organizationModules", "/api/v1/organizationModules", "200")]
    [InlineData("GET", "/api/v1/departments", "/api/v1/departments?from=0&limit=200", "200")]
    [InlineData("GET", "/api/v1/agents", "/api/v1/agents?from=0&limit=200", "200")]
    public async Task MainObjects_ValidateAgainstZohosSchemas(string method, string documentedPath, string url, string status)
    {
        using var http = await ClientAsync();
        var response = await http.GetAsync(DeskPrefix + Fill(url));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var problems = Validate(method, documentedPath, status, body.RootElement);

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task OrganizationModules_WithCustomModules_ValidateAgainstZohosSchema()
    {
        using var http = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DeskPrefix}/api/v1/organizationModules");
        request.Headers.Add("featureFlags", "customModule");

        var body = await JsonAsync(await http.SendAsync(request));

        body.GetProperty("data").EnumerateArray().Should().Contain(m => m.GetProperty("isCustomModule").GetBoolean());
        Validate("GET", "/api/v1/organizationModules", "200", body).Should().BeEmpty();
    }

    [Fact]
    public async Task Layouts_ListAndOneLayoutWithItsFields_ValidateAgainstZohosSchemas()
    {
        using var http = await ClientAsync();

        var list = await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/layouts?module=tickets"));
        var layoutId = list.GetProperty("data")[0].GetProperty("id").GetString();
        var layout = await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/layouts/{layoutId}"));
        var contactsLayoutId = (await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/layouts?module=contacts"))).GetProperty("data")[0].GetProperty("id").GetString();
        var contactsLayout = await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/layouts/{contactsLayoutId}"));
        var unknownModule = await http.GetAsync($"{DeskPrefix}/api/v1/layouts?module=widgets");

        var problems = new List<string>();
        problems.AddRange(Validate("GET", "/api/v1/layouts", "200", list));
        problems.AddRange(Validate("GET", "/api/v1/layouts/{layoutId}", "200", layout));
        problems.AddRange(Validate("GET", "/api/v1/layouts/{layoutId}", "200", contactsLayout));
        problems.Should().BeEmpty();
        unknownModule.StatusCode.Should().Be((HttpStatusCode)422);
    }

    [Fact]
    public async Task CreatedObjects_CommentAndWebhook_ValidateAgainstZohosSchemas()
    {
        using var http = await ClientAsync();
        var ticket = Fill("{ticket}");
        var comment = await http.PostAsync($"{DeskPrefix}/api/v1/tickets/{ticket}/comments",
            new StringContent("{\"content\":\"<p>checked</p>\",\"isPublic\":false,\"contentType\":\"html\"}", Encoding.UTF8, "application/json"));
        await using var db = _app.CreateDbContext();
        var token = (await db.ZohoConnections.SingleAsync()).WebhookUrlToken;
        var webhook = await http.PostAsync($"{DeskPrefix}/api/v1/webhooks", new StringContent(
            $"{{\"url\":\"http://localhost/webhooks/zoho/{token}\",\"name\":\"conformance\",\"subscriptions\":{{\"Ticket_Add\":null}}}}",
            Encoding.UTF8, "application/json"));
        var list = await http.GetAsync($"{DeskPrefix}/api/v1/webhooks");

        var problems = new List<string>();
        problems.AddRange(Validate("POST", "/api/v1/tickets/{ticketId}/comments", "200", await JsonAsync(comment)));
        problems.AddRange(Validate("POST", "/api/v1/webhooks", "200", await JsonAsync(webhook)));
        problems.AddRange(Validate("GET", "/api/v1/webhooks", "200", await JsonAsync(list)));
        await http.DeleteAsync($"{DeskPrefix}/api/v1/webhooks/{(await JsonAsync(webhook)).GetProperty("id").GetString()}");

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task OtherModules_CommentsAndAttachments_ValidateAgainstZohosSchemas()
    {
        using var http = await ClientAsync();
        var contact = Fill("{contact}");
        var account = Fill("{account}");
        var ticket = Fill("{commented}");
        await http.PostAsync($"{DeskPrefix}/api/v1/contacts/{contact}/comments",
            new StringContent("{\"content\":\"<p>on a contact</p>\",\"isPublic\":false,\"contentType\":\"html\"}", Encoding.UTF8, "application/json"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "account.bin" } };
        (await http.PostAsync($"{DeskPrefix}/api/v1/accounts/{account}/attachments", form)).StatusCode.Should().Be(HttpStatusCode.OK);
        var ticketComments = await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/tickets/{ticket}/comments?from=0&limit=10"));
        var oneComment = ticketComments.GetProperty("data")[0].GetProperty("id").GetString();

        var problems = new List<string>();
        problems.AddRange(Validate("GET", "/api/v1/contacts/{contactId}/comments", "200",
            await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/contacts/{contact}/comments?from=0&limit=10&sortBy=commentedTime"))));
        problems.AddRange(Validate("GET", "/api/v1/accounts/{accountId}/attachments", "200",
            await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/accounts/{account}/attachments?from=0&limit=10"))));
        problems.AddRange(Validate("GET", "/api/v1/tickets/{ticketId}/comments/{commentId}", "200",
            await JsonAsync(await http.GetAsync($"{DeskPrefix}/api/v1/tickets/{ticket}/comments/{oneComment}"))));

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task EmptyList_Is204WithNoBody_AndOverTheCapIsRefused()
    {
        using var http = await ClientAsync();
        var future = $"{ZohoSandboxState.Format(_app.Time.GetUtcNow().AddYears(5))},{ZohoSandboxState.Format(_app.Time.GetUtcNow().AddYears(6))}";

        var empty = await http.GetAsync($"{DeskPrefix}/api/v1/tickets/search?modifiedTimeRange={Uri.EscapeDataString(future)}&from=0&limit=10");
        var overCap = await http.GetAsync($"{DeskPrefix}/api/v1/tickets/search?from=1000&limit=10");
        var unknownParameter = await http.GetAsync($"{DeskPrefix}/api/v1/tickets?from=0&limit=10&modifiedSince=yesterday");

        empty.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await empty.Content.ReadAsStringAsync()).Should().BeEmpty();
        overCap.StatusCode.Should().Be((HttpStatusCode)422);
        Validate("GET", "/api/v1/tickets/search", "422", await JsonAsync(overCap)).Should().BeEmpty();
        unknownParameter.StatusCode.Should().Be((HttpStatusCode)422);
    }

    private List<string> Validate(string method, string documentedPath, string status, JsonElement body)
    {
        Documents.Value.Operations.Should().ContainKey((method, documentedPath));
        var (file, operation) = Documents.Value.Operations[(method, documentedPath)];
        operation.TryGetProperty("x-zohojira-bodies-omitted", out _).Should().BeFalse(
            $"the vendor-facts extract must keep the bodies of {method} {documentedPath}: add the path to build/vendor-facts.cs and run build/vendor-facts.sh");
        var schema = Documents.Value.ResponseSchema(file, operation, status);
        schema.Should().NotBeNull($"Zoho documents a JSON {status} answer for {method} {documentedPath}");
        var problems = new List<string>();
        Documents.Value.Validate(body, schema!.Value.Schema, schema.Value.File, $"{method} {documentedPath}", problems);
        return problems;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().Be((int)response.StatusCode < 400, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private string Fill(string url)
    {
        var state = _app.State();
        lock (state.Gate)
        {
            var now = _app.Time.GetUtcNow();
            return url
                .Replace("{ticket}", state.Records["tickets"].Keys.First(), StringComparison.Ordinal)
                .Replace("{contact}", state.Records["contacts"].Keys.First(), StringComparison.Ordinal)
                .Replace("{account}", state.Records["accounts"].Keys.First(), StringComparison.Ordinal)
                .Replace("{commented}", state.Comments.First(c => c.Value.Count > 0).Key, StringComparison.Ordinal)
                .Replace("{attached}", state.Attachments.First(a => a.Value.Count > 0).Key, StringComparison.Ordinal)
                .Replace("{timed}", state.TimeEntries.First(t => t.Value.Count > 0).Key, StringComparison.Ordinal)
                .Replace("{range}", Uri.EscapeDataString($"{ZohoSandboxState.Format(now.AddDays(-90))},{ZohoSandboxState.Format(now)}"), StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> ClientAsync()
    {
        await using var db = _app.CreateDbContext();
        var connection = await db.ZohoConnections.SingleAsync();
        var token = await _app.Services.GetRequiredService<ZohoTokenService>().GetAccessTokenAsync(connection.Id);
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        http.DefaultRequestHeaders.Add("orgId", ZohoSandboxState.OrgId);
        return http;
    }

    [Fact]
    public void EveryRoute_NeedsExactlyTheScopesZohoListsForTheOperation()
    {
        var problems = new List<string>();
        foreach (var route in SimulatorRoutes())
        {
            var documented = (route.Method, route.Path);
            if (DocumentedElsewhere.ContainsKey(documented))
            {
                documented = NeedsWhatItsParentNeeds[documented];
            }

            if (!Documents.Value.Operations.TryGetValue(documented, out var operation))
            {
                continue;
            }

            var expected = Documents.Value.Scopes(operation.Operation).Order(StringComparer.Ordinal).ToList();
            var declared = route.Scopes?.Order(StringComparer.Ordinal).ToList();
            if (declared is null || !declared.SequenceEqual(expected))
            {
                problems.Add($"{route.Method} {route.Path}: needs [{string.Join(", ", declared ?? [])}], Zoho lists [{string.Join(", ", expected)}]");
            }
        }

        string.Join(Environment.NewLine, problems).Should().BeEmpty();
    }

    [Fact]
    public async Task ATokenWithoutTheRoutesScope_IsRefusedWithScopeMismatch_AndWithItTheCallWorks()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        using var http = _app.CreateClient();
        var readOnly = await ExchangeForTokenAsync(http, "Desk.tickets.READ,Desk.basic.READ");
        var readWrite = await ExchangeForTokenAsync(http, "Desk.tickets.ALL");

        using var refused = await SendAsync(http, HttpMethod.Patch, $"/api/v1/tickets/{ticket}", readOnly, """{"priority":"High"}""");
        using var allowed = await SendAsync(http, HttpMethod.Patch, $"/api/v1/tickets/{ticket}", readWrite, """{"priority":"High"}""");
        using var read = await SendAsync(http, HttpMethod.Get, $"/api/v1/tickets/{ticket}", readOnly, null);

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await JsonAsync(refused)).GetProperty("errorCode").GetString().Should().Be("SCOPE_MISMATCH");
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<string> ExchangeForTokenAsync(HttpClient http, string scopes)
    {
        var code = _app.Accounts().GenerateCode(scopes: scopes);
        using var response = await http.PostAsync(ZohoSandbox.AccountsBase + "/oauth/v2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = code.ClientId,
            ["client_secret"] = code.ClientSecret,
            ["code"] = code.Code,
        }));
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, string? json)
    {
        using var request = new HttpRequestMessage(method, DeskPrefix + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        request.Headers.Add("orgId", ZohoSandboxState.OrgId);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private List<(string Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string>? QueryParameters, IReadOnlyList<string>? Scopes)> SimulatorRoutes()
    {
        var source = _app.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(DeskPrefix + "/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (
                Method: m,
                Path: e.RoutePattern.RawText![DeskPrefix.Length..],
                PathParameters: (IReadOnlyList<string>)[.. e.RoutePattern.Parameters.Select(p => p.Name)],
                QueryParameters: e.Metadata.GetMetadata<ZohoSandboxQueryParameters>()?.Names,
                Scopes: e.Metadata.GetMetadata<ZohoSandboxScopes>()?.Names)))];
    }
}
