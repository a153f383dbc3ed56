using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Core.SmartItems;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Operations;

namespace ZohoJira.Tests.Components.Admin.Operations;

/// <summary>The Overview's sync card over real figures in SQLite, with its own app (it counts everything in the database).</summary>
public sealed class SyncHealthCardTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheCard_ShowsTheQueueAndTheDay_TellsPausedFromFailing_AndFollowsChangesLive()
    {
        var items = _app.Services.GetRequiredService<SmartItemService>();
        var paused = (await items.CreateAsync(SmartItemSamples.TwoWayTickets("Health paused") with { Paused = true })).Id!.Value;
        var idle = (await items.CreateAsync(SmartItemSamples.TwoWayTickets("Health idle"))).Id!.Value;
        await AddActivityAsync(ActivityOutcome.Applied, "ZohoToJira", 3);
        await AddActivityAsync(ActivityOutcome.Failed, "JiraToZoho", 1);
        await using var host = new ComponentHost(_app);

        var card = host.Render<SyncHealthCard>();

        card.WaitForAssertion(() => card.Find("#sync-24h").TextContent.Should().Contain("3 Zoho → Jira").And.Contain("1 failed"));
        card.Find("#sync-parked").TextContent.Trim().Should().Be("none");
        card.Find($"#sync-item-{paused}").TextContent.Should().Contain("Paused");
        card.Find($"#sync-item-{idle}").TextContent.Should().Contain("not run yet");

        var queue = _app.Services.GetRequiredService<WorkQueue>();
        var work = await queue.EnqueueAsync(new WorkRequest("health-probe", "health:1", "health:record"));
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync())
        {
            await db.WorkItems.Where(w => w.Id == work.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkItemStatus.Parked));
        }

        card.WaitForAssertion(() => card.Find("#sync-parked").TextContent.Should().Contain("1 need attention"),
            SyncHealthCard.Interval * 3);
    }

    private async Task AddActivityAsync(ActivityOutcome outcome, string direction, int count)
    {
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.Activity.Add(new ActivityEntry { OccurredAt = now.AddMinutes(-i), Direction = direction, Kind = "field", Outcome = outcome, Message = "probe" });
        }

        db.Activity.Add(new ActivityEntry { OccurredAt = now.AddHours(-30), Direction = direction, Kind = "field", Outcome = outcome, Message = "older than a day" });
        await db.SaveChangesAsync();
    }
}
