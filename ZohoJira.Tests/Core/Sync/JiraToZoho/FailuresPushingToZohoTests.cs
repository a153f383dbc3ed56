using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.SyncApp;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>How Jira → Zoho work fails, per class of failure, over the simulators' scripted faults: rate limits wait for the
/// vendor's time, transient errors back off, permanent ones park in plain words, authentication marks the item and its
/// links until a reconnect, and one broken record never holds up the others.</summary>
public sealed class FailuresPushingToZohoTests(SyncApp sync) : IClassFixture<SyncApp>
{
    private static readonly FieldMapping Summary = new() { JiraFieldId = "summary", ZohoField = "subject" };

    private async Task<(Link Link, string Ticket)> ChangedInJiraAsync(SyncApp app, string subject = "Before")
    {
        app.App.Faults().Reset();
        app.App.Services.GetRequiredService<JiraSandboxFaults>().Reset();
        var itemId = await app.CreateItemAsync(Item(SyncMode.TwoWay, Summary));
        var ticket = app.AddTicket(new JsonObject { ["subject"] = subject });
        var issue = await app.CreateIssueAsync("After");
        return (await app.LinkAsync(itemId, issue, ticket), ticket);
    }

    [Fact]
    public async Task ZohoRateLimitWithRetryAfter_WaitsForZohosTime_ThenApplies()
    {
        var (link, ticket) = await ChangedInJiraAsync(sync);
        sync.App.Faults().RateLimitNext(1, TimeSpan.FromMinutes(2));

        await sync.PushAsync(link);

        var waiting = (await sync.PushWorkAsync(link)).Single();
        waiting.Status.Should().Be(WorkItemStatus.Ready);
        waiting.LastFailureCategory.Should().Be(FailureCategory.RateLimited);
        waiting.NextAttemptAt.Should().BeOnOrAfter(sync.App.Now().AddMinutes(2)).And.BeOnOrBefore(sync.App.Now().AddMinutes(2).AddSeconds(5));
        (await sync.ReloadAsync(link)).LastError.Should().Contain("slow down");

        sync.App.Time.Advance(TimeSpan.FromMinutes(3));
        await sync.Worker().DrainAsync();

        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("After");
        (await sync.PushWorkAsync(link)).Single().Status.Should().Be(WorkItemStatus.Done);
        (await sync.ReloadAsync(link)).LastError.Should().BeNull();
    }

    [Fact]
    public async Task ZohoRateLimitWithoutRetryAfter_WaitsTheFallbackWithJitter()
    {
        var (link, _) = await ChangedInJiraAsync(sync);
        sync.App.Faults().RateLimitNext(4); // the call and its three quick retries

        await sync.App.Queue().EnqueueAsync(JiraPushWork.For(link));
        await sync.DrainWithClockAsync();

        var waiting = (await sync.PushWorkAsync(link)).Single();
        waiting.Status.Should().Be(WorkItemStatus.Ready);
        waiting.LastFailureCategory.Should().Be(FailureCategory.RateLimited);
        (waiting.NextAttemptAt - waiting.UpdatedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(65));
    }

    [Fact]
    public async Task JiraRateLimitWithRetryAfter_WaitsForJirasTime()
    {
        var (link, _) = await ChangedInJiraAsync(sync);
        sync.App.Services.GetRequiredService<JiraSandboxFaults>().RateLimitNext(1, TimeSpan.FromSeconds(90), pathContains: link.JiraIssueId + "/editmeta");

        await sync.PushAsync(link);

        var waiting = (await sync.PushWorkAsync(link)).Single();
        waiting.LastFailureCategory.Should().Be(FailureCategory.RateLimited);
        waiting.NextAttemptAt.Should().BeOnOrAfter(sync.App.Now().AddSeconds(90)).And.BeOnOrBefore(sync.App.Now().AddSeconds(95));
        (await sync.ReloadAsync(link)).LastError.Should().StartWith("Jira asked the connector to slow down");
    }

    [Fact]
    public async Task ZohoServerError_BacksOffExponentially_AndSucceedsLater()
    {
        var (link, ticket) = await ChangedInJiraAsync(sync);
        sync.App.Faults().FailNext(4, 503);

        await sync.App.Queue().EnqueueAsync(JiraPushWork.For(link));
        await sync.DrainWithClockAsync();

        var waiting = (await sync.PushWorkAsync(link)).Single();
        waiting.Status.Should().Be(WorkItemStatus.Ready);
        waiting.LastFailureCategory.Should().Be(FailureCategory.Transient);
        waiting.Attempts.Should().Be(1);
        (waiting.NextAttemptAt - waiting.UpdatedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(8)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(12));
        (await sync.ActivityAsync(link)).Should().ContainSingle(a => a.Outcome == ActivityOutcome.Failed && a.Message.Contains("retried with growing pauses"));

        sync.App.Time.Advance(TimeSpan.FromSeconds(15));
        await sync.Worker().DrainAsync();
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("After");
    }

    [Theory]
    [InlineData(400, FailureCategory.Validation, "refused the change as invalid")]
    [InlineData(403, FailureCategory.Permission, "may not make this change in Zoho Desk")]
    public async Task ZohoRefusal_ParksWithThePlainReason_AndDoesNotRetry(int status, FailureCategory category, string words)
    {
        var (link, ticket) = await ChangedInJiraAsync(sync);
        sync.App.Faults().FailNext(1, status, status == 400 ? "INVALID_DATA" : null);

        await sync.PushAsync(link);
        sync.App.Time.Advance(TimeSpan.FromHours(1));
        await sync.Worker().DrainAsync();

        var parked = (await sync.PushWorkAsync(link)).Single();
        parked.Status.Should().Be(WorkItemStatus.Parked);
        parked.LastFailureCategory.Should().Be(category);
        parked.Attempts.Should().Be(1, "a refusal is not retried");
        var error = (await sync.ReloadAsync(link)).LastError;
        error.Should().Contain(words).And.Contain($"Zoho Desk said: Zoho Desk answered {status}");
        sync.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("Before");
    }

    [Fact]
    public async Task OneBrokenRecord_DoesNotHoldUpTheOthers()
    {
        var (broken, _) = await ChangedInJiraAsync(sync);
        var (healthy, healthyTicket) = await ChangedInJiraAsync(sync);
        sync.App.Faults().FailNext(1, 400, "INVALID_DATA");
        await sync.PushAsync(broken);

        await sync.PushAsync(healthy);

        (await sync.PushWorkAsync(broken)).Single().Status.Should().Be(WorkItemStatus.Parked);
        sync.Ticket(healthyTicket)["subject"]!.GetValue<string>().Should().Be("After");
    }

    [Fact]
    public async Task ZohoAuthFailure_MarksTheItemAndLink_UntilAReconnectClearsItAndReleasesTheWork()
    {
        var own = new SyncApp();
        await own.InitializeAsync();
        try
        {
            var (link, ticket) = await ChangedInJiraAsync(own);
            own.App.Accounts().RevokeAll();

            await own.PushAsync(link);

            var parked = (await own.PushWorkAsync(link)).Single();
            parked.Status.Should().Be(WorkItemStatus.Parked);
            parked.LastFailureCategory.Should().Be(FailureCategory.Authentication);
            ZohoAuthError.IsAuthError((await own.ReloadAsync(link)).LastError).Should().BeTrue();
            await using (var db = own.App.CreateDbContext())
            {
                ZohoAuthError.IsAuthError((await db.SmartItems.AsNoTracking().SingleAsync(s => s.Id == link.SmartItemId)).LastError).Should().BeTrue();
            }

            await ZohoSandboxConnection.ConnectAsync(own.App);
            (await own.ReloadAsync(link)).LastError.Should().BeNull();
            await using (var db = own.App.CreateDbContext())
            {
                (await db.SmartItems.AsNoTracking().SingleAsync(s => s.Id == link.SmartItemId)).LastError.Should().BeNull();
            }

            await own.Worker().DrainAsync();
            (await own.PushWorkAsync(link)).Single().Status.Should().Be(WorkItemStatus.Done);
            own.Ticket(ticket)["subject"]!.GetValue<string>().Should().Be("After");
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
