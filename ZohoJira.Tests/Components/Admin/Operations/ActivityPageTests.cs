using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Operations;

namespace ZohoJira.Tests.Components.Admin.Operations;

/// <summary>The Activity page and its query over real rows in SQLite (an app of its own: it counts every row).</summary>
public sealed class ActivityPageTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new();
    private readonly Guid _item = Guid.NewGuid();
    private DateTime _now;

    public async Task InitializeAsync()
    {
        _app.Start();
        _now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await DbAsync();
        for (var i = 0; i < 60; i++)
        {
            db.Activity.Add(new ActivityEntry
            {
                OccurredAt = _now.AddMinutes(-i),
                SmartItemId = i % 2 == 0 ? _item : null,
                JiraIssueKey = $"SUP-{i % 5}",
                ZohoRecordId = $"7081234000000{i % 3}",
                Direction = i % 4 == 0 ? "JiraToZoho" : "ZohoToJira",
                Kind = "field",
                Outcome = i % 10 == 0 ? ActivityOutcome.Failed : ActivityOutcome.Applied,
                Message = $"Change {i}",
                Details = $"before {i} / after {i + 1}",
            });
        }

        db.Activity.Add(new ActivityEntry { OccurredAt = _now.AddDays(-3), Direction = "System", Kind = "job", Message = "Three days ago" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("none", 61)]
    [InlineData("item", 30)]
    [InlineData("direction", 15)]
    [InlineData("outcome", 6)]
    [InlineData("jira", 12)]
    [InlineData("zoho", 20)]
    [InlineData("last24h", 60)]
    public async Task EachFilter_NarrowsTheRows_InTheDatabase(string filter, int expected)
    {
        var query = _app.Services.GetRequiredService<ActivityQueryService>();
        var f = filter switch
        {
            "item" => new ActivityFilter(SmartItemId: _item),
            "direction" => new ActivityFilter(Direction: "JiraToZoho"),
            "outcome" => new ActivityFilter(Outcome: ActivityOutcome.Failed),
            "jira" => new ActivityFilter(JiraIssueKey: "sup-1"),
            "zoho" => new ActivityFilter(ZohoRecordId: "70812340000002"),
            "last24h" => new ActivityFilter(From: _now.AddHours(-24)),
            _ => new ActivityFilter(),
        };

        var (rows, total) = await query.QueryAsync(f, 0, 25);

        total.Should().Be(expected);
        rows.Should().HaveCount(Math.Min(25, expected)).And.BeInDescendingOrder(r => r.OccurredAt);
    }

    [Fact]
    public async Task ThePage_ShowsTheNewestFirst_OpensARowsDetails_AndShowsNewEntriesLive()
    {
        await using var host = new ComponentHost(_app);
        var page = host.Render<ActivityPage>();
        page.WaitForAssertion(() => page.FindAll("#activity-grid tbody tr").Should().HaveCount(25));
        page.Find("#activity-grid tbody tr").TextContent.Should().Contain("Change 0");
        page.Markup.Should().NotContain("Three days ago", "the page starts with the last 24 hours");

        await page.InvokeAsync(() => page.Find("#activity-grid tbody tr").Click());
        page.WaitForAssertion(() => page.Find("#activity-grid tbody tr").TextContent.Should().Contain("before 0 / after 1"));

        await using (var db = await DbAsync())
        {
            db.Activity.Add(new ActivityEntry { OccurredAt = _now.AddSeconds(1), Direction = "ZohoToJira", Kind = "field", Message = "Arrived while watching" });
            await db.SaveChangesAsync();
        }

        page.WaitForAssertion(() => page.Find("#activity-grid tbody tr").TextContent.Should().Contain("Arrived while watching"), TimeSpan.FromSeconds(15));
    }

    private Task<ZohoJiraDbContext> DbAsync() =>
        _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
}
