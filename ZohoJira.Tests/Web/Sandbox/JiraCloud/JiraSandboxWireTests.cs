using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ZohoJira.Sandbox.JiraCloud;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>Wire-level behaviour of the simulated site that the client hides: headers, status codes and error bodies.</summary>
public sealed class JiraSandboxWireTests(JiraSandboxFixture sandbox) : IClassFixture<JiraSandboxFixture>
{
    private const string Api = JiraSandboxAccounts.SitePath + "/rest/api/3/";

    [Fact]
    public async Task Calls_WithoutCredentials_Get401_AndEveryAnswerNamesTheAccount()
    {
        using var anonymous = sandbox.App.CreateClient();
        using var denied = await anonymous.GetAsync(Api + "myself");
        denied.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await denied.Content.ReadFromJsonAsync<JsonObject>())!["errorMessages"]!.AsArray().Should().NotBeEmpty();

        using var client = Authenticated();
        using var ok = await client.GetAsync(Api + "myself");
        ok.Headers.GetValues("X-AAccountId").Should().Equal(JiraSandboxAccounts.ConnectorAccountId);
    }

    [Fact]
    public async Task CreateMeta_MaxResultsOver200_IsRefusedWithJirasMessage()
    {
        using var client = Authenticated();
        using var response = await client.GetAsync(Api + "issue/createmeta/SUP/issuetypes?maxResults=201");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Parameter 'maxResults' must not exceed the limit '200'");
    }

    [Fact]
    public async Task SearchPost_PagesLikeTheGetForm_AndDefaultsToIdsOnly()
    {
        using var client = Authenticated();
        using var first = await client.PostAsJsonAsync(Api + "search/jql", new JsonObject { ["jql"] = "project = DEV ORDER BY key ASC", ["maxResults"] = 4 });
        var page = (await first.Content.ReadFromJsonAsync<JsonObject>())!;

        page["issues"]!.AsArray().Should().HaveCount(4);
        page["issues"]![0]!["key"]!.GetValue<string>().Should().Be("DEV-1");
        page["issues"]![0]!.AsObject().ContainsKey("fields").Should().BeFalse("fields default to the id only");
        page["isLast"]!.GetValue<bool>().Should().BeFalse();

        using var second = await client.PostAsJsonAsync(Api + "search/jql", new JsonObject
        {
            ["jql"] = "project = DEV ORDER BY key ASC",
            ["maxResults"] = 4,
            ["nextPageToken"] = page["nextPageToken"]!.GetValue<string>(),
        });
        (await second.Content.ReadFromJsonAsync<JsonObject>())!["issues"]![0]!["key"]!.GetValue<string>().Should().Be("DEV-5");

        using var forged = await client.GetAsync(Api + "search/jql?jql=project%20%3D%20SUP&nextPageToken=" + page["nextPageToken"]);
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a token belongs to its query");
    }

    [Fact]
    public async Task Attachments_NeedTheXsrfHeaderAndThePartNameFile()
    {
        using var client = Authenticated();
        using var withoutHeader = await client.PostAsync(Api + "issue/SUP-1/attachments", Form("file"));
        withoutHeader.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var wrongPart = new HttpRequestMessage(HttpMethod.Post, Api + "issue/SUP-1/attachments") { Content = Form("upload") };
        wrongPart.Headers.Add("X-Atlassian-Token", "no-check");
        (await client.SendAsync(wrongPart)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var right = new HttpRequestMessage(HttpMethod.Post, Api + "issue/SUP-1/attachments") { Content = Form("file") };
        right.Headers.Add("X-Atlassian-Token", "no-check");
        using var created = await client.SendAsync(right);
        created.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = (await created.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!.GetValue<string>();

        using var redirect = await client.GetAsync(Api + "attachment/content/" + id);
        redirect.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        redirect.Headers.Location!.Host.Should().StartWith(JiraSandboxMedia.HostPrefix, "Jira sends downloads to a separate media host");

        using var media = await sandbox.App.CreateClient().GetAsync(redirect.Headers.Location);
        (await media.Content.ReadAsStringAsync()).Should().Be("hello", "the pre-signed media URL needs no credentials");

        using var direct = await client.GetAsync(Api + "attachment/content/" + id + "?redirect=false");
        direct.StatusCode.Should().Be(HttpStatusCode.OK);
        (await direct.Content.ReadAsStringAsync()).Should().Be("hello");
    }

    [Fact]
    public async Task Edit_FieldInBothFieldsAndUpdate_OrNotOnTheEditScreen_IsRefused()
    {
        using var client = Authenticated();
        using var both = await client.PutAsJsonAsync(Api + "issue/SUP-2", new JsonObject
        {
            ["fields"] = new JsonObject { ["labels"] = new JsonArray("a") },
            ["update"] = new JsonObject { ["labels"] = new JsonArray(new JsonObject { ["add"] = "b" }) },
        });
        both.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var offScreen = await client.PutAsJsonAsync(Api + "issue/SUP-2", new JsonObject { ["fields"] = new JsonObject { ["customfield_10052"] = "x" } });
        (await offScreen.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["customfield_10052"]!.GetValue<string>()
            .Should().Contain("not on the appropriate screen");

        using var update = await client.PutAsJsonAsync(Api + "issue/SUP-2", new JsonObject
        {
            ["update"] = new JsonObject { ["labels"] = new JsonArray(new JsonObject { ["add"] = "added-by-update" }) },
        });
        update.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static MultipartFormDataContent Form(string partName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, partName, "hello.txt" } };
    }

    private HttpClient Authenticated()
    {
        var client = sandbox.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraSandboxAccounts.ConnectorEmail}:{JiraSandboxAccounts.ConnectorApiToken}")));
        return client;
    }
}
