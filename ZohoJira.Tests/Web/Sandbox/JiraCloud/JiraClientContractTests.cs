using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Http;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Sandbox.JiraCloud;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>The real Jira client against the simulated site: no mocks, real HTTP handlers, the resilience pipeline.</summary>
public sealed class JiraClientContractTests(JiraSandboxFixture sandbox) : IClassFixture<JiraSandboxFixture>, IDisposable
{
    private const string SupportRequest = "10003";

    public void Dispose() => sandbox.Faults.Reset();

    [Fact]
    public async Task GetMyself_WithTheSandboxToken_ReturnsTheConnectorAccount()
    {
        var me = await sandbox.Connector.GetMyselfAsync();

        me.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        me.DisplayName.Should().Be("ZohoJira Connector");
        me.AccountType.Should().Be("app");
        me.TimeZone.Should().Be("Etc/UTC", "the profile's zone, in which Jira reads JQL dates");
    }

    [Fact]
    public async Task GetMyself_WithAWrongToken_IsAnAuthenticationFailure()
    {
        var client = sandbox.ClientFor(JiraSandboxAccounts.ConnectorEmail, "wrong-token");

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => client.GetMyselfAsync());

        ex.Category.Should().Be(FailureCategory.Authentication);
        ex.StatusCode.Should().Be(401);
        ex.Message.Should().NotContain("wrong-token");
    }

    [Fact]
    public async Task Metadata_ProjectsIssueTypesFieldsAndCreateScreens_AreRead()
    {
        var projects = await sandbox.Connector.GetProjectsAsync();
        projects.Items.Select(p => p.Key).Should().Equal("DEV", "OPS", "SUP");
        projects.Continuation.Should().BeNull();

        var types = await sandbox.Connector.GetIssueTypesAsync("SUP");
        types.Select(t => t.Name).Should().Equal("Support Request", "Bug", "Task");

        var fields = await sandbox.Connector.GetFieldsAsync();
        fields.Should().Contain(f => f.Id == "customfield_10051" && f.Custom && f.Schema!.Type == "option");

        var screen = await sandbox.Connector.GetCreateFieldsAsync("SUP", SupportRequest);
        screen.Where(f => f.Required).Select(f => f.FieldId).Should().BeEquivalentTo(["project", "issuetype", "summary", "customfield_10050"]);
        screen.Single(f => f.FieldId == "customfield_10051").AllowedValues.Select(v => v.Label).Should().Equal("Gold", "Silver", "Bronze");
        screen.Single(f => f.FieldId == "priority").HasDefaultValue.Should().BeTrue();
    }

    [Fact]
    public async Task CreateIssue_WithOnlyCreateScreenFields_CreatesIt_AndReadsItBackWithRenderedFields()
    {
        var created = await sandbox.Connector.CreateIssueAsync(new JiraIssueCreate("SUP", SupportRequest, new JsonObject
        {
            ["summary"] = "#48213 Customer cannot export invoices",
            ["description"] = Adf("Export button returns HTTP 500."),
            ["customfield_10050"] = "48213",
            ["customfield_10051"] = new JsonObject { ["value"] = "Gold" },
        }, new Dictionary<string, JsonNode> { ["com.zohojira.link"] = new JsonObject { ["zohoTicketId"] = "48213" } }));

        created.Key.Should().StartWith("SUP-");
        var issue = await sandbox.Connector.GetIssueAsync(created.Key);
        issue.Should().NotBeNull();
        issue!.Id.Should().Be(created.Id);
        issue.Summary.Should().Be("#48213 Customer cannot export invoices");
        issue.ProjectKey.Should().Be("SUP");
        issue.IssueTypeId.Should().Be(SupportRequest);
        issue.Status!.CategoryKey.Should().Be("new");
        issue.Description!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>().Should().Be("Export button returns HTTP 500.");
        issue.RenderedFields!["description"]!.GetValue<string>().Should().Be("<p>Export button returns HTTP 500.</p>");
        issue.Fields["priority"]!["name"]!.GetValue<string>().Should().Be("Medium", "the create screen's default applies");
        issue.Fields["customfield_10051"]!["value"]!.GetValue<string>().Should().Be("Gold");
        (await sandbox.Connector.GetIssuePropertyAsync(created.Id, "com.zohojira.link"))!["zohoTicketId"]!.GetValue<string>().Should().Be("48213");
    }

    [Fact]
    public async Task CreateIssue_FieldNotOnTheScreen_OrRequiredMissing_IsRefusedWithFieldErrors()
    {
        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.CreateIssueAsync(new JiraIssueCreate("SUP", SupportRequest, new JsonObject
        {
            ["summary"] = "Not on screen",
            ["duedate"] = "2026-02-01",
        })));

        ex.Category.Should().Be(FailureCategory.Validation);
        var errors = (IDictionary<string, string>)ex.Data[JiraErrorClassifier.FieldErrorsKey]!;
        errors["duedate"].Should().Be("Field 'duedate' cannot be set. It is not on the appropriate screen, or unknown.");
        errors["customfield_10050"].Should().Be("Zoho Ticket ID is required.");
    }

    [Fact]
    public async Task CreateIssue_PlainStringDescription_IsRefusedLikeV3()
    {
        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.CreateIssueAsync(new JiraIssueCreate("SUP", "10002", new JsonObject
        {
            ["summary"] = "Plain text description",
            ["description"] = "just a string",
        })));

        ex.StatusCode.Should().Be(400);
        ((IDictionary<string, string>)ex.Data[JiraErrorClassifier.FieldErrorsKey]!)["description"].Should().Contain("Atlassian Document");
    }

    [Fact]
    public async Task EditIssue_ChangedFieldsOnly_LeavesTheRestAlone()
    {
        var created = await CreateTaskAsync("Edit me");
        var before = await sandbox.Connector.GetIssueAsync(created.Id);

        await sandbox.Connector.EditIssueAsync(created.Id, new JsonObject { ["labels"] = new JsonArray("zoho-desk", "triaged") });
        await sandbox.Connector.EditIssueAsync(created.Id, []);

        var after = await sandbox.Connector.GetIssueAsync(created.Id);
        after!.Fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal("zoho-desk", "triaged");
        after.Summary.Should().Be(before!.Summary);
        JsonNode.DeepEquals(after.Description, before.Description).Should().BeTrue();
    }

    [Fact]
    public async Task GetIssue_Unknown_ReturnsNull() =>
        (await sandbox.Connector.GetIssueAsync("SUP-99999")).Should().BeNull();

    [Fact]
    public async Task SearchIssues_PagesWithNextPageToken_UntilTheLastPage()
    {
        var request = new JiraSearchRequest("project = SUP ORDER BY key ASC", ["summary", "status", "updated"], MaxResults: 5);
        var keys = new List<string>();
        var pages = 0;
        await foreach (var issue in PageExtensions.StreamAsync((c, ct) =>
        {
            pages++;
            return sandbox.Connector.SearchIssuesAsync(request, c, ct);
        }))
        {
            keys.Add(issue.Key);
            issue.Summary.Should().NotBeNullOrEmpty();
        }

        pages.Should().BeGreaterThanOrEqualTo(3);
        keys.Should().OnlyHaveUniqueItems().And.HaveCountGreaterThanOrEqualTo(12);
        keys.Take(3).Should().Equal("SUP-1", "SUP-2", "SUP-3");

        var filtered = await sandbox.Connector.SearchIssuesAsync(new JiraSearchRequest("project in (OPS) AND issuetype = Incident AND updated >= -400d"));
        filtered.Items.Should().NotBeEmpty().And.OnlyContain(i => i.Key.StartsWith("OPS-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchIssues_UnboundedJql_IsAValidationFailure()
    {
        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.SearchIssuesAsync(new JiraSearchRequest("ORDER BY key DESC")));

        ex.Category.Should().Be(FailureCategory.Validation);
        ex.Message.Should().Contain("Unbounded JQL");
    }

    [Fact]
    public async Task Transition_ThatRequiresAResolution_FailsWithout_AndSucceedsWithIt()
    {
        var created = await CreateTaskAsync("Resolve me");
        var transitions = await sandbox.Connector.GetTransitionsAsync(created.Id);
        var resolve = transitions.Single(t => t.To.CategoryKey == "done");
        resolve.HasScreen.Should().BeTrue();
        var resolution = resolve.Fields.Single(f => f.FieldId == "resolution");
        resolution.Required.Should().BeTrue();
        resolution.AllowedValues.Select(v => v.Label).Should().Contain("Done");

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.TransitionIssueAsync(created.Id, resolve.Id));
        ex.Category.Should().Be(FailureCategory.Validation);
        ((IDictionary<string, string>)ex.Data[JiraErrorClassifier.FieldErrorsKey]!).Should().ContainKey("resolution");

        await sandbox.Connector.TransitionIssueAsync(created.Id, resolve.Id, new JsonObject { ["resolution"] = new JsonObject { ["name"] = "Done" } });

        var issue = await sandbox.Connector.GetIssueAsync(created.Id);
        issue!.Status!.Name.Should().Be("Resolved");
        issue.Fields["resolution"]!["name"]!.GetValue<string>().Should().Be("Done");
        (await sandbox.Connector.GetTransitionsAsync(created.Id)).Select(t => t.Name).Should().Contain("Reopen");
    }

    [Fact]
    public async Task Comments_AdfRoundTrip_AddUpdateListAndRendered()
    {
        var created = await CreateTaskAsync("Comment on me");
        var body = JsonNode.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"Zoho Desk reply from "},{"type":"text","text":"Jane","marks":[{"type":"strong"}]}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Browser: Firefox"}]}]}]}]}
            """)!.AsObject();

        var added = await sandbox.Connector.AddCommentAsync(created.Id, body);
        JsonNode.DeepEquals(added.Body, body).Should().BeTrue();
        added.Author!.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        added.RenderedBody.Should().Be("<p>Zoho Desk reply from <b>Jane</b></p><ul><li><p>Browser: Firefox</p></li></ul>");

        var changed = Adf("Edited in Zoho");
        var updated = await sandbox.Connector.UpdateCommentAsync(created.Id, added.Id, changed);
        JsonNode.DeepEquals(updated.Body, changed).Should().BeTrue();

        var page = await sandbox.Connector.GetCommentsAsync(created.Id);
        page.Items.Should().ContainSingle();
        JsonNode.DeepEquals(page.Items[0].Body, changed).Should().BeTrue();
        (await sandbox.Connector.GetCommentAsync(created.Id, added.Id))!.Id.Should().Be(added.Id);
        (await sandbox.Connector.GetCommentAsync(created.Id, "999999")).Should().BeNull();
    }

    [Fact]
    public async Task Comments_InternalRestrictedAndWithProperties_RoundTrip()
    {
        var created = await CreateTaskAsync("Internal notes");
        var marker = new JsonObject { ["zohoCommentId"] = "42" };

        var added = await sandbox.Connector.AddCommentAsync(created.Id, new JiraCommentInput(Adf("Agents only"))
        {
            Internal = true,
            Properties = new Dictionary<string, JsonNode> { ["zohojira.mirror"] = marker },
        });
        var restricted = await sandbox.Connector.AddCommentAsync(created.Id, new JiraCommentInput(Adf("Developers only"))
        {
            Visibility = new JiraCommentVisibility("role", "Developers"),
        });
        var listed = (await sandbox.Connector.GetCommentsAsync(created.Id)).Items;
        var madePublic = await sandbox.Connector.UpdateCommentAsync(created.Id, added.Id, new JiraCommentInput(Adf("Now for everyone")));
        var badVisibility = () => sandbox.Connector.AddCommentAsync(created.Id, new JiraCommentInput(Adf("x")) { Visibility = new JiraCommentVisibility("team", "x") });

        added.IsPublic.Should().BeFalse("an internal service desk comment is hidden from customers");
        restricted.IsPublic.Should().BeTrue();
        restricted.Visibility.Should().Be(new JiraCommentVisibility("role", "Developers"));
        JsonNode.DeepEquals(listed.Single(c => c.Id == added.Id).Properties["zohojira.mirror"], marker).Should().BeTrue();
        listed.Single(c => c.Id == restricted.Id).Properties.Should().BeEmpty();
        madePublic.IsPublic.Should().BeFalse("an update that does not name the property leaves it as it was");
        (await badVisibility.Should().ThrowAsync<ExternalApiException>()).Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Comments_PlainStringOrEmptyText_AreRefused()
    {
        var created = await CreateTaskAsync("Bad comments");
        var empty = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":""}]}]}""")!.AsObject();

        (await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.AddCommentAsync(created.Id, empty))).StatusCode.Should().Be(400);
        var tooLong = Adf(new string('x', 32_768));
        (await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.AddCommentAsync(created.Id, tooLong))).Message.Should().Contain("32,767");
    }

    [Theory]
    [InlineData(1_024)]
    [InlineData(11 * 1024 * 1024)]
    public async Task Attachments_UploadAndDownload_AreByteExact_WithoutFollowingTheMediaRedirect(int size)
    {
        var created = await CreateTaskAsync($"Attach {size} bytes");
        var bytes = RandomNumberGenerator.GetBytes(size);

        JiraAttachment attachment;
        await using (var upload = new MemoryStream(bytes))
        {
            attachment = await sandbox.Connector.UploadAttachmentAsync(created.Id, "export error (1).bin", "application/octet-stream", upload);
        }

        attachment.FileName.Should().Be("export error (1).bin");
        attachment.Size.Should().Be(size);

        var media = sandbox.App.Services.GetRequiredService<JiraSandboxMedia>();
        await using var download = await sandbox.Connector.DownloadAttachmentAsync(attachment.Id);
        download.Should().NotBeNull();
        using var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
        media.Served.Should().Be(0, "the client must not follow the redirect to the media host with its credentials");

        (await sandbox.Connector.GetIssueAsync(created.Id))!.Attachments.Should().ContainSingle(a => a.Id == attachment.Id);
        (await sandbox.Connector.DownloadAttachmentAsync("99999999")).Should().BeNull();
    }

    [Fact]
    public async Task Attachments_WithANonAsciiFileName_KeepTheName()
    {
        var created = await CreateTaskAsync("Unicode attachment");
        await using var upload = new MemoryStream([1, 2, 3]);

        var attachment = await sandbox.Connector.UploadAttachmentAsync(created.Id, "Größe – café.pdf", "application/pdf", upload);

        attachment.FileName.Should().Be("Größe – café.pdf");
        attachment.MimeType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task RemoteLinks_UpsertedByGlobalId_KeepOneLink()
    {
        var created = await CreateTaskAsync("Link me");
        var link = new JiraRemoteLink("system=zohodesk&org=1&id=48213", new Uri("https://desk.zoho.eu/agent/acme/tickets/48213"), "Zoho #48213",
            Summary: "Customer cannot export", Relationship: "synced with", ApplicationType: "com.zohojira", ApplicationName: "Zoho Desk",
            StatusIcon: new JiraRemoteLinkIcon(new Uri("https://zohojira.example/img/zohojira-16.svg"), "Open the ZohoJira panel", new Uri("https://zohojira.example/panel/SUP-1")));

        var first = await sandbox.Connector.UpsertRemoteLinkAsync(created.Id, link);
        var second = await sandbox.Connector.UpsertRemoteLinkAsync(created.Id, link with { Title = "Zoho #48213 (closed)", Resolved = true });

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Id.Should().Be(first.Id);
        var links = await sandbox.Connector.GetRemoteLinksAsync(created.Id);
        var stored = links.Should().ContainSingle().Subject;
        stored.Title.Should().Be("Zoho #48213 (closed)");
        stored.StatusLink.Should().Be("https://zohojira.example/panel/SUP-1", "the status icon's link is the one extra address a remote link carries");
    }

    [Fact]
    public async Task IssueProperties_SetAndGet_MissingIsNull()
    {
        var created = await CreateTaskAsync("Properties");

        (await sandbox.Connector.GetIssuePropertyAsync(created.Id, "com.zohojira.sync")).Should().BeNull();
        await sandbox.Connector.SetIssuePropertyAsync(created.Id, "com.zohojira.sync", new JsonObject { ["lastWriteBy"] = "connector" });
        await sandbox.Connector.SetIssuePropertyAsync(created.Id, "com.zohojira.sync", new JsonObject { ["lastWriteBy"] = "connector", ["n"] = 2 });

        var value = await sandbox.Connector.GetIssuePropertyAsync(created.Id, "com.zohojira.sync");
        value!["n"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Webhooks_RegisterListDelete_AdminOnly()
    {
        var hook = await sandbox.Connector.RegisterWebhookAsync(new JiraWebhookRegistration(
            "contract test", new Uri("http://localhost/webhooks/jira"), ["jira:issue_updated", "comment_created"], "project in (SUP, DEV)", "s3cret"));

        hook.Id.Should().NotBeNullOrEmpty();
        hook.JqlFilter.Should().Be("project in (SUP, DEV)");
        (await sandbox.Connector.GetWebhooksAsync()).Should().Contain(h => h.Id == hook.Id && h.Events.Count == 2);

        await sandbox.Connector.DeleteWebhookAsync(hook.Id);
        await sandbox.Connector.DeleteWebhookAsync(hook.Id);
        (await sandbox.Connector.GetWebhooksAsync()).Should().NotContain(h => h.Id == hook.Id);

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.User.GetWebhooksAsync());
        ex.Category.Should().Be(FailureCategory.Permission);
    }

    [Fact]
    public async Task RateLimit_ShortRetryAfter_IsHonouredInsideTheCall()
    {
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(1), pathContains: "/myself");

        var me = await sandbox.Connector.GetMyselfAsync();

        // One call of ours: the 429 was served and the retry answered (the wait itself is proven on fake time in
        // VendorHttpResilienceTests).
        me.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        sandbox.Faults.PendingFailures.Should().Be(0);
    }

    [Fact]
    public async Task RateLimit_LongRetryAfter_IsSurfacedWithTheReason()
    {
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(30), JiraRateLimitReasons.Burst, "/myself");

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.GetMyselfAsync());

        ex.Category.Should().Be(FailureCategory.RateLimited);
        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        ex.VendorErrorCode.Should().Be(JiraRateLimitReasons.Burst);
    }

    [Fact]
    public async Task RateLimit_PerIssueWriteLimit_IsSurfacedAndNeverRetriedForPosts()
    {
        var created = await CreateTaskAsync("Hot issue");
        sandbox.Faults.PerIssueWriteLimit = 3;

        for (var i = 0; i < 2; i++)
        {
            await sandbox.Connector.AddCommentAsync(created.Id, Adf($"comment {i}"));
        }

        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.AddCommentAsync(created.Id, Adf("one too many")));

        ex.Category.Should().Be(FailureCategory.RateLimited);
        ex.VendorErrorCode.Should().Be(JiraRateLimitReasons.PerIssueWrite);
        ex.RetryAfter.Should().BePositive();
        (await sandbox.Connector.GetCommentsAsync(created.Id)).Items.Should().HaveCount(2);

        sandbox.App.Time.Advance(TimeSpan.FromSeconds(3));
        await sandbox.Connector.AddCommentAsync(created.Id, Adf("later"));

        // The longer window (100 writes per 30 s in Jira Cloud) holds even when the short one has room.
        sandbox.Faults.PerIssueLongWriteLimit = 3;
        sandbox.App.Time.Advance(TimeSpan.FromSeconds(3));
        var longer = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.AddCommentAsync(created.Id, Adf("too many this half-minute")));
        longer.VendorErrorCode.Should().Be(JiraRateLimitReasons.PerIssueWrite);
        longer.RetryAfter.Should().BeGreaterThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedForReads_ButNeverForCreates()
    {
        sandbox.Faults.FailNext(2, 502, pathContains: "/myself");
        (await sandbox.Connector.GetMyselfAsync()).AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);

        var before = (await sandbox.Connector.SearchIssuesAsync(new JiraSearchRequest("project = SUP", MaxResults: 1000))).Items.Count;
        sandbox.Faults.FailNext(1, 503, pathContains: "/rest/api/3/issue");
        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => CreateTaskAsync("Must not be created twice"));
        ex.Category.Should().Be(FailureCategory.Transient);
        var after = (await sandbox.Connector.SearchIssuesAsync(new JiraSearchRequest("project = SUP", MaxResults: 1000))).Items.Count;
        after.Should().Be(before, "the failed POST was not retried");
    }

    private static JsonObject Adf(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };

    private Task<JiraCreatedIssue> CreateTaskAsync(string summary) =>
        sandbox.Connector.CreateIssueAsync(new JiraIssueCreate("SUP", "10002", new JsonObject { ["summary"] = summary, ["description"] = Adf(summary) }));
}
