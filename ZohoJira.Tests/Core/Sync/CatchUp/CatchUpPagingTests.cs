using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Tests.Core.Sync.Work;
using ZohoJira.Tests.Core.Sync.ZohoToJira;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

/// <summary>A backlog longer than a cycle's page budget goes on from the stored continuation, page by page, each page's
/// work and cursor committed together.</summary>
public sealed class CatchUpPagingTests
{
    [Fact]
    public async Task Cycle_BacklogOverSeveralPages_GoesOnFromTheStoredContinuation()
    {
        await using var app = new ZohoJiraAppFactory().With("Sync:Workers", "0").With("Sync:CatchUpMaxPages", "1").Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        var saved = await app.Services.GetRequiredService<SmartItemService>().CreateAsync(SyncApp.Item(SyncMode.OneWay,
            new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" }));
        var itemId = saved.Id!.Value;
        var tickets = app.AddTickets(150, app.Time.GetUtcNow().AddMinutes(1));
        await using (var db = app.CreateDbContext())
        {
            db.Links.AddRange(tickets.Select((t, i) => new Link
            {
                Id = Guid.NewGuid(),
                SmartItemId = itemId,
                JiraIssueId = (900000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                JiraIssueKey = $"SUP-{900000 + i}",
                ZohoModule = "tickets",
                ZohoRecordId = t,
                CreatedAt = app.Now(),
            }));
            await db.SaveChangesAsync();
        }

        app.Time.Advance(TimeSpan.FromMinutes(10));
        var catchUp = app.Services.GetRequiredService<ZohoCatchUpService>();

        var first = (await catchUp.RunCycleAsync()).Single();
        await using (var db = app.CreateDbContext())
        {
            var cursor = await db.SyncCursors.SingleAsync(c => c.ZohoModule == "tickets");
            cursor.Continuation.Should().NotBeNull("the window was not read to its end");
            (await db.WorkItems.CountAsync()).Should().Be(first.WorkEnqueued);
        }

        var second = (await catchUp.RunCycleAsync()).Single();
        var third = (await catchUp.RunCycleAsync()).Single();

        first.ZohoCalls.Should().Be(1);
        (first.WorkEnqueued + second.WorkEnqueued + third.WorkEnqueued).Should().Be(150);
        await using (var db = app.CreateDbContext())
        {
            (await db.WorkItems.Select(w => w.LinkId).Distinct().CountAsync()).Should().Be(150, "every linked ticket once");
            var cursor = await db.SyncCursors.SingleAsync(c => c.ZohoModule == "tickets");
            cursor.Continuation.Should().BeNull();
            cursor.ModifiedSince.Should().Be(app.Time.GetUtcNow().AddMinutes(-10).AddMinutes(1).AddSeconds(149).UtcDateTime);
            cursor.LastRecordIds.Should().Be(tickets[^1]);
        }
    }
}
