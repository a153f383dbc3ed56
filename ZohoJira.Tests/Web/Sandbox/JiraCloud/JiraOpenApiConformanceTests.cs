using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Jira.Http;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Sandbox.JiraCloud;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>Holds the simulated Jira site to Atlassian's own OpenAPI document (swagger-v3.v3.json of the Jira Cloud
/// platform REST API, as extracted into VendorFacts/jira-cloud-openapi.json by build/vendor-facts.sh): every route it serves exists there with
/// the same method and parameter names, and the bodies the real client sends and receives validate against the
/// document's schemas. Drift on either side fails here. The admin webhook API is not in the document and is left out.</summary>
public sealed class JiraOpenApiConformanceTests(JiraSandboxFixture sandbox) : IClassFixture<JiraSandboxFixture>
{
    private const string ApiPrefix = JiraSandboxAccounts.SitePath + "/rest/api/3/";

    /// <summary>Where Jira itself answers differently from its document; each entry says why it is accepted.</summary>
    private static readonly Dictionary<string, string> KnownDeviations = new(StringComparer.Ordinal)
    {
        ["GET /rest/api/3/issue/{issueIdOrKey}/remotelink"] =
            "Without globalId Jira returns an array of links; the document only describes the single-link answer.",
    };

    private static readonly Lazy<JsonDocument> Spec = new(() => JsonDocument.Parse(File.ReadAllBytes(SpecPath())));

    [Fact]
    public void SimulatorRoutes_ExistInTheDocument_WithTheSameMethodsAndParameterNames_AndAreCurrent()
    {
        var paths = Spec.Value.RootElement.GetProperty("paths");
        var routes = sandbox.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiPrefix, StringComparison.Ordinal) == true)
            .ToList();
        routes.Should().HaveCountGreaterThan(30, "the simulator serves the whole API surface the connector uses");

        var problems = new List<string>();
        foreach (var route in routes)
        {
            var path = route.RoutePattern.RawText![JiraSandboxAccounts.SitePath.Length..];
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (!paths.TryGetProperty(path, out var item))
            {
                problems.Add($"{string.Join(',', methods)} {path}: path not in the document");
                continue;
            }

            foreach (var method in methods)
            {
                if (!item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    problems.Add($"{method} {path}: method not in the document");
                    continue;
                }

                if (operation.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True)
                {
                    problems.Add($"{method} {path}: deprecated in the document; simulate the current endpoint instead");
                }

                var documented = Parameters(item, operation);
                var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var documentedPath = documented.Where(p => p.In == "path").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                if (!routeNames.SetEquals(documentedPath))
                {
                    problems.Add($"{method} {path}: path parameters [{string.Join(',', routeNames)}] differ from [{string.Join(',', documentedPath)}]");
                }

                var handler = route.Metadata.GetMetadata<MethodInfo>();
                handler.Should().NotBeNull($"{method} {path} is a method with declared parameters");
                foreach (var query in QueryParameters(handler!))
                {
                    if (!documented.Any(p => p.In == "query" && p.Name == query))
                    {
                        problems.Add($"{method} {path}: query parameter '{query}' is not in the document");
                    }
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ClientOperations_RequestAndResponseBodies_ValidateAgainstTheDocument()
    {
        using var recorder = new RecordingHandler(sandbox.App.Server.CreateHandler());
        using var http = new HttpClient(recorder);
        var client = new JiraClient(http, new JiraSite(JiraSandboxFixture.SiteUrl, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken));

        await client.GetMyselfAsync();
        await client.GetProjectsAsync();
        await client.GetIssueTypesAsync("OPS");
        await client.GetFieldsAsync();
        await client.GetCreateFieldsAsync("OPS", "10005");
        var created = await client.CreateIssueAsync(new JiraIssueCreate("OPS", "10005", new JsonObject
        {
            ["summary"] = "Checkout latency above 3 s",
            ["description"] = Doc("Seen from the EU region."),
            ["customfield_10054"] = new JsonObject { ["id"] = "10201" },
            ["priority"] = new JsonObject { ["name"] = "High" },
        }, new Dictionary<string, JsonNode> { ["com.zohojira.link"] = new JsonObject { ["zohoTicketId"] = "1" } }));
        await client.GetIssueAsync(created.Key);
        await client.EditIssueAsync(created.Id, new JsonObject { ["labels"] = new JsonArray("zoho") });
        await client.SearchIssuesAsync(new JiraSearchRequest("project = OPS ORDER BY updated DESC", ["summary", "status"], 2, RenderedFields: true));
        var close = (await client.GetTransitionsAsync(created.Id)).Single(t => t.Name == "Close");
        await client.TransitionIssueAsync(created.Id, close.Id, new JsonObject
        {
            ["resolution"] = new JsonObject { ["name"] = "Done" },
            ["customfield_10052"] = Doc("A bad cache node."),
        });
        var comment = await client.AddCommentAsync(created.Id, Doc("First reply"));
        await client.UpdateCommentAsync(created.Id, comment.Id, Doc("Edited reply"));
        await client.GetCommentsAsync(created.Id);
        await client.GetCommentAsync(created.Id, comment.Id);
        await using (var file = new MemoryStream(Encoding.UTF8.GetBytes("hello")))
        {
            await client.UploadAttachmentAsync(created.Id, "hello.txt", "text/plain", file);
        }

        await client.UpsertRemoteLinkAsync(created.Id, new JiraRemoteLink("zoho:1", new Uri("https://desk.zoho.eu/t/1"), "Zoho #1", "Summary"));
        await client.GetRemoteLinksAsync(created.Id);
        await client.SetIssuePropertyAsync(created.Id, "com.zohojira.sync", new JsonObject { ["n"] = 1 });
        await client.GetIssuePropertyAsync(created.Id, "com.zohojira.sync");
        await client.GetEditFieldsAsync(created.Key);
        await client.GetProjectStatusesAsync("OPS");
        await client.SearchUsersAsync("mia");
        await client.FindUserByEmailAsync(JiraSandboxAccounts.ConnectorEmail);

        var walker = new OpenApiSchemaWalker(Spec.Value.RootElement);
        var problems = new List<string>();
        var checkedOperations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in recorder.Exchanges.Where(e => e.Path.StartsWith(ApiPrefix, StringComparison.Ordinal)))
        {
            var path = exchange.Path[JiraSandboxAccounts.SitePath.Length..];
            var template = Template(path);
            if (template is null)
            {
                problems.Add($"{exchange.Method} {path}: no path of the document matches");
                continue;
            }

            var key = $"{exchange.Method} {template}";
            if (KnownDeviations.ContainsKey(key))
            {
                continue;
            }

            var operation = Spec.Value.RootElement.GetProperty("paths").GetProperty(template).GetProperty(exchange.Method.ToLowerInvariant());
            if (operation.TryGetProperty("x-zohojira-bodies-omitted", out _))
            {
                problems.Add($"{key}: the vendor-facts extract leaves its bodies out; add the path to build/vendor-facts.cs and run build/vendor-facts.sh");
                continue;
            }

            checkedOperations.Add(key);
            var responses = operation.GetProperty("responses");
            var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetProperty(status, out var response) && !responses.TryGetProperty("default", out response))
            {
                problems.Add($"{key}: status {status} is not documented");
                continue;
            }

            if (exchange.RequestJson is { } requestJson
                && operation.TryGetProperty("requestBody", out var requestBody)
                && requestBody.GetProperty("content").TryGetProperty("application/json", out var requestContent)
                && requestContent.TryGetProperty("schema", out var requestSchema))
            {
                problems.AddRange(walker.Validate(requestJson, requestSchema, OpenApiSchemaWalker.Direction.Request).Select(e => $"{key} request {e}"));
            }

            if (exchange.ResponseJson is { } responseJson
                && response.TryGetProperty("content", out var responseContent)
                && responseContent.TryGetProperty("application/json", out var json)
                && json.TryGetProperty("schema", out var responseSchema))
            {
                problems.AddRange(walker.Validate(responseJson, responseSchema, OpenApiSchemaWalker.Direction.Response).Select(e => $"{key} response {e}"));
            }
        }

        problems.Should().BeEmpty();
        checkedOperations.Should().Contain(
        [
            "GET /rest/api/3/myself", "GET /rest/api/3/project/search", "GET /rest/api/3/field",
            "GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", "GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}",
            "POST /rest/api/3/issue", "GET /rest/api/3/issue/{issueIdOrKey}", "PUT /rest/api/3/issue/{issueIdOrKey}", "GET /rest/api/3/search/jql",
            "GET /rest/api/3/issue/{issueIdOrKey}/transitions", "POST /rest/api/3/issue/{issueIdOrKey}/transitions",
            "POST /rest/api/3/issue/{issueIdOrKey}/comment", "PUT /rest/api/3/issue/{issueIdOrKey}/comment/{id}", "GET /rest/api/3/issue/{issueIdOrKey}/comment",
            "POST /rest/api/3/issue/{issueIdOrKey}/attachments", "POST /rest/api/3/issue/{issueIdOrKey}/remotelink",
            "PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", "GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}",
            "GET /rest/api/3/issue/{issueIdOrKey}/editmeta", "GET /rest/api/3/project/{projectIdOrKey}/statuses", "GET /rest/api/3/user/search",
        ]);
    }

    private static string? Template(string path)
    {
        var segments = path.Split('/');
        string? best = null;
        var bestLiterals = -1;
        foreach (var candidate in Spec.Value.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name))
        {
            var parts = candidate.Split('/');
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var match = true;
            for (var i = 0; i < parts.Length && match; i++)
            {
                if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
                {
                    continue;
                }

                match = string.Equals(parts[i], Uri.UnescapeDataString(segments[i]), StringComparison.Ordinal);
                literals++;
            }

            if (match && literals > bestLiterals)
            {
                best = candidate;
                bestLiterals = literals;
            }
        }

        return best;
    }

    private static List<(string Name, string In)> Parameters(JsonElement pathItem, JsonElement operation)
    {
        var result = new List<(string, string)>();
        foreach (var source in new[] { pathItem, operation })
        {
            if (source.TryGetProperty("parameters", out var list))
            {
                result.AddRange(list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)));
            }
        }

        return result;
    }

    private static IEnumerable<string> QueryParameters(MethodInfo handler) => handler.GetParameters()
        .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<FromQueryAttribute>()))
        .Where(p => p.Attribute is not null)
        .Select(p => p.Attribute!.Name ?? p.Parameter.Name!);

    /// <summary>The committed extract of Atlassian's document (every path, method and parameter name; the bodies of the
    /// operations the client uses), regenerated by build/vendor-facts.sh.</summary>
    private static string SpecPath() => Path.Combine(AppContext.BaseDirectory, "VendorFacts", "jira-cloud-openapi.json");

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

    /// <summary>Keeps every exchange: method, path, status and the JSON bodies both ways.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<Exchange> Exchanges { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            JsonElement? requestJson = null;
            if (request.Content is { } content && content.Headers.ContentType?.MediaType == "application/json")
            {
                requestJson = JsonDocument.Parse(await content.ReadAsByteArrayAsync(cancellationToken)).RootElement.Clone();
            }

            var response = await base.SendAsync(request, cancellationToken);
            JsonElement? responseJson = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                responseJson = bytes.Length == 0 ? null : JsonDocument.Parse(bytes).RootElement.Clone();
            }

            Exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, requestJson, responseJson));
            return response;
        }
    }

    private sealed record Exchange(string Method, string Path, int Status, JsonElement? RequestJson, JsonElement? ResponseJson);
}
