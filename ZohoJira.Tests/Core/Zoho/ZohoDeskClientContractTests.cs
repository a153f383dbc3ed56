using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>The real Zoho Desk client against the simulated Zoho Desk, over real HTTP handlers: no mocks.</summary>
public sealed class ZohoDeskClientContractTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private readonly ZohoJiraAppFactory _app = fixture.App;
    private readonly IZohoDeskClient _client = fixture.Client;

    [Fact]
    public async Task ListOrganizations_Sandbox_ReturnsTheDemoOrganization()
    {
        var organizations = await _client.ListOrganizationsAsync();

        organizations.Should().ContainSingle().Which.Id.Should().Be(ZohoSandboxState.OrgId);
        _client.OrgId.Should().Be(ZohoSandboxState.OrgId);
    }

    [Fact]
    public async Task ListChanged_SeveralPages_ReturnsEveryChangedTicketInModifiedOrder()
    {
        var since = _app.Time.GetUtcNow().AddDays(1);
        _app.Time.Advance(TimeSpan.FromDays(2));
        var ids = _app.AddTickets(250, since.AddMinutes(1));

        var pages = new List<Page<ZohoRecord>>();
        string? continuation = null;
        do
        {
            var page = await _client.ListChangedAsync(ZohoModule.Tickets, since, continuation);
            pages.Add(page);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        pages.Should().HaveCount(3);
        var seen = pages.SelectMany(p => p.Items).ToList();
        seen.Select(r => r.Id).Should().Equal(ids);
        seen.Select(r => r.ModifiedTime).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task ListChanged_MoreChangesThanTheSearchOffsetCap_SplitsTheWindowAndMissesNothing()
    {
        var since = _app.Time.GetUtcNow().AddDays(1);
        _app.Time.Advance(TimeSpan.FromDays(2));
        var ids = _app.AddTickets(1250, since.AddMinutes(1));

        var seen = new List<string>();
        await foreach (var record in PageExtensions.StreamAsync((c, ct) => _client.ListChangedAsync(ZohoModule.Tickets, since, c, ct)))
        {
            seen.Add(record.Id);
        }

        // A split window starts at the newest change already read, so that change (and any tie) is read again: never lost.
        seen.Distinct().Should().BeEquivalentTo(ids);
        (seen.Count - ids.Count).Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task ListChanged_NothingChanged_GivesAnEmptyLastPage()
    {
        _app.Time.Advance(TimeSpan.FromHours(1));

        var page = await _client.ListChangedAsync(ZohoModule.Contacts, _app.Time.GetUtcNow().AddMinutes(-1), null);

        page.Items.Should().BeEmpty();
        page.Continuation.Should().BeNull();
    }

    [Theory]
    [InlineData("contacts")]
    [InlineData("accounts")]
    [InlineData("tasks")]
    [InlineData("calls")]
    [InlineData("events")]
    [InlineData("products")]
    [InlineData("contracts")]
    public async Task ListChanged_EveryModule_FindsItsSeededRecords(string module)
    {
        var zohoModule = ZohoModule.FromApiName(module)!;

        var page = await _client.ListChangedAsync(zohoModule, _app.Time.GetUtcNow().AddDays(-90), null);

        page.Items.Should().NotBeEmpty();
        page.Items.Should().OnlyContain(r => r.Module == zohoModule && r.ModifiedTime != null);
    }

    [Fact]
    public async Task ListChanged_TimeEntries_ReadsThemFromChangedTickets()
    {
        var page = await _client.ListChangedAsync(ZohoModule.TimeEntries, _app.Time.GetUtcNow().AddDays(-90), null);

        page.Items.Should().NotBeEmpty();
        page.Items.Should().OnlyContain(r => r.Id.Contains(':'));
        (await _client.GetRecordAsync(ZohoModule.TimeEntries, page.Items[0].Id)).Should().NotBeNull();
    }

    [Fact]
    public async Task GetRecord_TrashedOrUnknown_ReturnsNull()
    {
        var id = _app.AddTickets(1, _app.Time.GetUtcNow())[0];
        (await _client.GetRecordAsync(ZohoModule.Tickets, id)).Should().NotBeNull();
        lock (_app.State().Gate)
        {
            _app.State().Find("tickets", id)!["isTrashed"] = true;
        }

        (await _client.GetRecordAsync(ZohoModule.Tickets, id)).Should().BeNull();
        (await _client.GetRecordAsync(ZohoModule.Contacts, "70812349999999999")).Should().BeNull();
    }

    [Fact]
    public async Task CreateThenUpdate_Ticket_PatchesOnlyChangedFieldsAndMovesModifiedTime()
    {
        var department = _app.State().Departments[0]["id"]!.GetValue<string>();
        var created = await _client.CreateRecordAsync(ZohoModule.Tickets, new JsonObject
        {
            ["subject"] = "Printer on fire",
            ["departmentId"] = department,
            ["contact"] = new JsonObject { ["lastName"] = "Ada", ["email"] = "ada@example.com" },
            ["description"] = "<div>Smoke <b>everywhere</b></div>",
            ["priority"] = "High",
        });
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await _client.UpdateRecordAsync(ZohoModule.Tickets, created.Id, new JsonObject { ["status"] = "Closed" });

        updated.GetString("status").Should().Be("Closed");
        updated.GetString("statusType").Should().Be("Closed");
        updated.GetString("priority").Should().Be("High");
        updated.GetString("description").Should().Be("<div>Smoke <b>everywhere</b></div>");
        updated.ModifiedTime.Should().BeAfter(created.ModifiedTime!.Value);
    }

    [Fact]
    public async Task Create_MissingRequiredField_IsAValidationError()
    {
        var act = () => _client.CreateRecordAsync(ZohoModule.Tickets, new JsonObject { ["description"] = "No subject" });

        var error = (await act.Should().ThrowAsync<ExternalApiException>()).Which;
        error.Category.Should().Be(FailureCategory.Validation);
        error.VendorErrorCode.Should().Be("INVALID_DATA");
        error.Message.Should().Contain("/subject");
    }

    [Fact]
    public async Task Search_Text_FindsTicketsAndAnIdFindsItsRecord()
    {
        var tickets = await _client.SearchAsync(ZohoModule.Tickets, "Refund");
        var anyTicket = _app.State().Records["tickets"].Keys.First();
        var byId = await _client.SearchAsync(ZohoModule.Tickets, anyTicket);
        var contracts = await _client.SearchAsync(ZohoModule.Contracts, "support");

        tickets.Should().NotBeEmpty().And.OnlyContain(t => t.Title.Contains("Refund", StringComparison.OrdinalIgnoreCase));
        byId.Should().Contain(r => r.Id == anyTicket);
        contracts.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Fields_Tickets_HaveTheStatusFieldWithStatusTypes()
    {
        var fields = await _client.GetFieldsAsync(ZohoModule.Tickets);
        var statuses = await _client.GetTicketStatusesAsync();

        fields.Should().Contain(f => f.IsStatusField);
        fields.Should().Contain(f => f.ApiName == "cf_severity" && f.IsCustomField && f.AllowedValues.Count == 3);
        statuses.Should().Contain(new ZohoTicketStatus("On Hold", "On Hold")).And.Contain(new ZohoTicketStatus("Escalated", "Open"));
    }

    [Fact]
    public async Task Comment_Html_RoundTripsExactlyWithItsVisibility()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        const string html = "<div>Line one<br />Line <b>two</b> &amp; <a href=\"https://example.com/?a=1&amp;b=2\">link</a></div><ul><li>x</li></ul>";

        var created = await _client.CreateCommentAsync(ZohoModule.Tickets, ticket, new ZohoCommentInput(html));
        var updated = await _client.UpdateCommentAsync(ZohoModule.Tickets, ticket, created.Id, new ZohoCommentInput(html + "<p>edited</p>", IsPublic: true));
        var listed = (await _client.ListCommentsAsync(ZohoModule.Tickets, ticket)).Items;

        created.IsPublic.Should().BeFalse();
        created.Content.Should().Be(html);
        var again = listed.Single(c => c.Id == created.Id);
        again.Content.Should().Be(html + "<p>edited</p>");
        again.IsPublic.Should().BeTrue();
        again.ModifiedTime.Should().NotBeNull();
        updated.ContentType.Should().Be("html");
    }

    [Theory]
    [InlineData("tickets")]
    [InlineData("contacts")]
    [InlineData("accounts")]
    [InlineData("tasks")]
    [InlineData("calls")]
    [InlineData("events")]
    [InlineData("contracts")]
    public async Task Comments_EveryModuleZohoDocuments_CreateReadUpdateAndPage(string moduleName)
    {
        var module = ZohoModule.FromApiName(moduleName)!;
        var record = _app.State().Records[moduleName].Keys.First();

        var created = await _client.CreateCommentAsync(module, record, new ZohoCommentInput($"<p>on {moduleName}</p>"));
        var updated = await _client.UpdateCommentAsync(module, record, created.Id, new ZohoCommentInput($"<p>edited on {moduleName}</p>", IsPublic: true));
        var read = await _client.GetCommentAsync(module, record, created.Id);
        var missing = await _client.GetCommentAsync(module, record, "1");
        var all = await PageExtensions.StreamAsync((c, ct) => _client.ListCommentsAsync(module, record, c, ct)).ToListAsync();

        module.HasComments.Should().BeTrue();
        updated.IsPublic.Should().BeTrue();
        read!.Content.Should().Be($"<p>edited on {moduleName}</p>");
        read.ModifiedTime.Should().NotBeNull();
        missing.Should().BeNull();
        all.Should().ContainSingle(c => c.Id == created.Id);
    }

    [Fact]
    public async Task Comments_MoreThanOnePage_AreReadPageByPageOldestFirst()
    {
        var ticket = _app.AddTickets(1, _app.Time.GetUtcNow())[0];
        var state = _app.State();
        lock (state.Gate)
        {
            for (var i = 0; i < 130; i++)
            {
                ZohoSandboxChildEndpoints.AddComment(state, ticket, $"<p>{i}</p>", isPublic: false, "Mia", "Krystof",
                    ZohoSandboxState.Format(_app.Time.GetUtcNow().AddSeconds(i)));
            }
        }

        var first = await _client.ListCommentsAsync(ZohoModule.Tickets, ticket);
        var second = await _client.ListCommentsAsync(ZohoModule.Tickets, ticket, first.Continuation);

        first.Items.Should().HaveCount(100);
        first.Continuation.Should().NotBeNull();
        second.Items.Should().HaveCount(30);
        second.Continuation.Should().BeNull();
        first.Items.Concat(second.Items).Select(c => c.Content).Should().Equal(Enumerable.Range(0, 130).Select(i => $"<p>{i}</p>"));
        first.Items[0].CommenterName.Should().Be("Mia Krystof");
    }

    [Theory]
    [InlineData("contacts")]
    [InlineData("accounts")]
    [InlineData("tasks")]
    [InlineData("events")]
    [InlineData("products")]
    public async Task Attachments_OtherModules_UploadListAndDownload(string moduleName)
    {
        var module = ZohoModule.FromApiName(moduleName)!;
        var record = _app.State().Records[moduleName].Keys.First();
        await using var source = new MemoryStream([1, 2, 3, 4]);

        var uploaded = await _client.UploadAttachmentAsync(module, record, $"{moduleName}.bin", source);
        var listed = (await _client.ListAttachmentsAsync(module, record)).Items.Single(a => a.Id == uploaded.Id);
        await using var download = await _client.DownloadAttachmentAsync(listed);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        listed.Size.Should().Be(4);
        copy.ToArray().Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Attachments_CallsAcceptFilesButDoNotListThem_AndProductsHaveNoComments()
    {
        var call = _app.State().Records["calls"].Keys.First();
        await using var source = new MemoryStream([9]);

        var uploaded = await _client.UploadAttachmentAsync(ZohoModule.Calls, call, "call.bin", source);
        var list = () => _client.ListAttachmentsAsync(ZohoModule.Calls, call);
        var comments = () => _client.ListCommentsAsync(ZohoModule.Products, "1");

        uploaded.Size.Should().Be(1);
        ZohoModule.Calls.ListsAttachments.Should().BeFalse();
        await list.Should().ThrowAsync<ArgumentException>();
        await comments.Should().ThrowAsync<ArgumentException>();
        ZohoModule.Contracts.AcceptsAttachments.Should().BeFalse();
    }

    [Fact]
    public async Task Attachment_UploadOver10MegabytesThenDownload_IsByteExact()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        var bytes = new byte[(11 * 1024 * 1024) + 17];
        new Random(42).NextBytes(bytes);
        await using var source = new MemoryStream(bytes);

        var uploaded = await _client.UploadAttachmentAsync(ZohoModule.Tickets, ticket, "big report.bin", source);
        var listed = (await _client.ListAttachmentsAsync(ZohoModule.Tickets, ticket)).Items.Single(a => a.Id == uploaded.Id);
        await using var download = await _client.DownloadAttachmentAsync(listed);

        listed.Size.Should().Be(bytes.Length);
        listed.Name.Should().Be("big report.bin");
        (await SHA256.HashDataAsync(download.Content)).Should().Equal(SHA256.HashData(bytes));
    }

    [Fact]
    public async Task Attachment_SeededFileOver10Megabytes_StreamsTheGeneratedBytes()
    {
        var state = _app.State();
        var (ticketId, seeded) = state.Attachments.SelectMany(p => p.Value.Select(a => (p.Key, a))).Single(x => x.a.Size > 10 * 1024 * 1024 && x.a.Content is null);

        var attachment = (await _client.ListAttachmentsAsync(ZohoModule.Tickets, ticketId)).Items.Single(a => a.Id == seeded.Id);
        await using var download = await _client.DownloadAttachmentAsync(attachment);
        await using var expected = seeded.OpenRead();

        (await SHA256.HashDataAsync(download.Content)).Should().Equal(await SHA256.HashDataAsync(expected));
    }

    [Fact]
    public async Task ThreadAttachments_AreListedPerThreadAndDownloadable()
    {
        var state = _app.State();
        var (ticketId, thread) = state.Threads.SelectMany(p => p.Value.Select(t => (p.Key, t))).First(x => x.t.Attachments.Count > 0);

        var threads = (await _client.ListThreadsAsync(ticketId)).Items;
        var attachments = await _client.ListThreadAttachmentsAsync(ticketId, thread.Id);
        await using var download = await _client.DownloadAttachmentAsync(attachments[0]);
        await using var expected = thread.Attachments[0].OpenRead();

        threads.Should().Contain(t => t.Id == thread.Id && t.AttachmentCount == 1);
        attachments.Should().ContainSingle().Which.ThreadId.Should().Be(thread.Id);
        (await SHA256.HashDataAsync(download.Content)).Should().Equal(await SHA256.HashDataAsync(expected));
    }

    [Fact]
    public async Task Token_ExpiredWithConcurrentCallers_RefreshesExactlyOnce()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        var refreshesBefore = _app.Accounts().RefreshCount;
        _app.Time.Advance(TimeSpan.FromMinutes(58));

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _client.GetRecordAsync(ZohoModule.Tickets, ticket)));

        results.Should().OnlyContain(r => r != null);
        (_app.Accounts().RefreshCount - refreshesBefore).Should().Be(1);
    }

    [Fact]
    public async Task InvalidOAuth_RefreshesOnceThenSucceeds()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        var refreshesBefore = _app.Accounts().RefreshCount;
        _app.Accounts().InvalidateAccessTokens();

        var record = await _client.GetRecordAsync(ZohoModule.Tickets, ticket);

        record.Should().NotBeNull();
        (_app.Accounts().RefreshCount - refreshesBefore).Should().Be(1);
    }

    [Fact]
    public async Task RateLimited_LongRetryAfter_IsSurfacedThenTheCallSucceedsLater()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        _app.Faults().RateLimitNext(1, TimeSpan.FromSeconds(30));

        var act = () => _client.GetRecordAsync(ZohoModule.Tickets, ticket);

        var error = (await act.Should().ThrowAsync<ExternalApiException>()).Which;
        error.Category.Should().Be(FailureCategory.RateLimited);
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        error.IsRetryable.Should().BeTrue();
        _app.Time.Advance(error.RetryAfter!.Value);
        (await _client.GetRecordAsync(ZohoModule.Tickets, ticket)).Should().NotBeNull();
    }

    [Fact]
    public async Task RateLimited_ShortRetryAfter_IsWaitedOutInsideTheCall()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        _app.Faults().RateLimitNext(1, TimeSpan.FromSeconds(1));

        var record = await _client.GetRecordAsync(ZohoModule.Tickets, ticket);

        // One call of ours: the 429 was served and the retry answered. How long the wait is, is proven on fake time in
        // VendorHttpResilienceTests; here only that the client's pipeline waits it out instead of failing.
        record.Should().NotBeNull();
        _app.Faults().PendingFailures.Should().Be(0);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedForReadsButNotForCreates()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        _app.Faults().FailNext(2, 503);
        (await _client.GetRecordAsync(ZohoModule.Tickets, ticket)).Should().NotBeNull();

        _app.Faults().FailNext(1, 500);
        var act = () => _client.CreateCommentAsync(ZohoModule.Tickets, ticket, new ZohoCommentInput("<p>once</p>"));

        (await act.Should().ThrowAsync<ExternalApiException>()).Which.Category.Should().Be(FailureCategory.Transient);
        (await _client.ListCommentsAsync(ZohoModule.Tickets, ticket)).Items.Should().NotContain(c => c.Content == "<p>once</p>");
    }

    [Fact]
    public async Task Credits_HeadersAreRecorded()
    {
        await _client.ListChangedAsync(ZohoModule.Accounts, _app.Time.GetUtcNow().AddDays(-90), null);

        var credits = _app.Services.GetRequiredService<ZohoJira.Core.Zoho.Http.ZohoCreditMonitor>();
        credits.LastWeight.Should().Be(3);
        credits.Remaining.Should().BeLessThan(_app.Faults().DailyCredits);
    }

    [Fact]
    public async Task Credits_Exhausted_IsRateLimitedUntilTheDayResets()
    {
        var ticket = _app.State().Records["tickets"].Keys.First();
        var credits = _app.Faults().DailyCredits;
        _app.Faults().DailyCredits = 0;

        var act = () => _client.GetRecordAsync(ZohoModule.Tickets, ticket);

        var error = (await act.Should().ThrowAsync<ExternalApiException>()).Which;
        _app.Faults().DailyCredits = credits;
        error.VendorErrorCode.Should().Be("THRESHOLD_EXCEEDED");
        error.RetryAfter.Should().BePositive();
    }
}
