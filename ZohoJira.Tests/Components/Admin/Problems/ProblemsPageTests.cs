using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common;
using ZohoJira.Core.Operations;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.Problems;

namespace ZohoJira.Tests.Components.Admin.Problems;

/// <summary>The Problems page and its service over real work items in SQLite. The work kind here has no handler, so
/// nothing but these tests moves the items.</summary>
public sealed class ProblemsPageTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    private ZohoJiraAppFactory App => fixture.App;

    [Fact]
    public async Task ParkedWork_IsGroupedByCause_WithWhatWaitsBehindIt_AndRetryPutsItBackInLine()
    {
        var cause = $"Jira rejected the transition: Resolution is required ({Guid.NewGuid():N})";
        var record = Guid.NewGuid().ToString("N");
        var first = await ParkAsync(record, cause, FailureCategory.Validation);
        var second = await ParkAsync(Guid.NewGuid().ToString("N"), cause, FailureCategory.Validation);
        await App.Services.GetRequiredService<WorkQueue>().EnqueueAsync(new WorkRequest("problem-probe", $"probe:{Guid.NewGuid():N}", $"probe:{record}"));

        var group = (await Service.ListAsync()).Single(g => g.Cause == cause);
        group.Problems.Select(p => p.WorkItemId).Should().Equal(first, second);
        group.Title.Should().Be($"{cause} — 2 items", "work that belongs to no item names no SCI count");
        group.Problems.Single(p => p.WorkItemId == first).WaitingBehind.Should().Be(1, "a later change of the same record waits behind it");

        await using var host = new ComponentHost(App);
        var page = host.Render<ProblemsPage>();
        page.WaitForAssertion(() => page.Find($"#problem-{first}").TextContent.Should().Contain("Parked after 3 attempt(s)").And.Contain("1 later change(s)"));
        page.Markup.Should().Contain(group.Title);

        await page.InvokeAsync(() => page.Find($"#problem-retry-{first}").Click());

        page.WaitForAssertion(() => page.Find($"#problem-{first}").TextContent.Should().Contain("Retrying (attempt 3)",
            "it stays listed as failing work until an attempt succeeds"));
        page.FindAll($"#problem-retry-{first}").Should().BeEmpty();
        (await StatusOf(first)).Should().Be(WorkItemStatus.Ready);
        (await StatusOf(second)).Should().Be(WorkItemStatus.Parked);
        host.SnackbarMessages.Should().Contain("1 item(s) back in line.");
    }

    [Fact]
    public async Task SkippingAGroup_FinishesEachItemAsSkipped_AndRecordsWhoSkippedWhat()
    {
        var cause = $"Zoho refused the field value ({Guid.NewGuid():N})";
        var one = await ParkAsync(Guid.NewGuid().ToString("N"), cause, FailureCategory.Validation);
        var two = await ParkAsync(Guid.NewGuid().ToString("N"), cause, FailureCategory.Validation);
        await using var host = new ComponentHost(App);
        var page = host.Render<ProblemsPage>();
        page.WaitForAssertion(() => page.Find($"#problem-{one}"));

        var group = page.FindAll(".zj-problem-group").Single(g => g.TextContent.Contains(cause, StringComparison.Ordinal));
        await page.InvokeAsync(() => group.QuerySelector(".problems-skip-group")!.Click());

        page.WaitForAssertion(() => page.Markup.Should().NotContain(cause));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        var items = await db.WorkItems.Where(w => w.Id == one || w.Id == two).ToListAsync();
        items.Should().OnlyContain(w => w.Status == WorkItemStatus.Done && w.Result == WorkItemResult.Skipped && w.SkippedBy == "component-test");
        (await db.Activity.Where(a => a.Kind == "skip" && a.Message.Contains(cause)).CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task AnAuthenticationProblem_PointsToTheConnectionPages()
    {
        var cause = $"Zoho Desk refused the access token ({Guid.NewGuid():N})";
        await ParkAsync(Guid.NewGuid().ToString("N"), cause, FailureCategory.Authentication);
        await using var host = new ComponentHost(App);
        var page = host.Render<ProblemsPage>();

        page.WaitForAssertion(() =>
        {
            var group = page.FindAll(".zj-problem-group").Single(g => g.TextContent.Contains(cause, StringComparison.Ordinal));
            group.QuerySelector("a[href='/admin/connections/zoho']").Should().NotBeNull();
        });
    }

    private SyncProblemService Service => App.Services.GetRequiredService<SyncProblemService>();

    private async Task<long> ParkAsync(string record, string message, FailureCategory category)
    {
        var enqueued = await App.Services.GetRequiredService<WorkQueue>()
            .EnqueueAsync(new WorkRequest("problem-probe", $"probe:{Guid.NewGuid():N}", $"probe:{record}"));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        await db.WorkItems.Where(w => w.Id == enqueued.Id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WorkItemStatus.Parked)
            .SetProperty(w => w.Attempts, 3)
            .SetProperty(w => w.LastFailureMessage, message)
            .SetProperty(w => w.LastFailureCategory, category));
        return enqueued.Id;
    }

    private async Task<WorkItemStatus> StatusOf(long id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContextAsync();
        return await db.WorkItems.Where(w => w.Id == id).Select(w => w.Status).SingleAsync();
    }
}
