using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ZohoJira.Core.Users;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Jobs;

namespace ZohoJira.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndSchedulerTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_SignsIn_AndRunsAJobByClick_OverTheCircuit()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);

        await page.GotoAsync("/admin/scheduler");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var before = await RunCountAsync();

        await page.ClickAsync($"#run-{PruneActivityJob.Name}");

        await Assertions.Expect(page.Locator($"[data-testid='run-count-{PruneActivityJob.Name}']"))
            .ToContainTextAsync($"{before + 1} run(s)", new() { Timeout = 20_000 });
        (await RunCountAsync()).Should().Be(before + 1, "the click ran the job on the server");
    }

    [Fact]
    public async Task Admin_AddsAUser_WhoCanThenSignIn()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/users");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.FillAsync("#new-username", "browser-made");
        await page.FillAsync("#new-password", "browser-made-pass");
        await page.ClickAsync("#add-user");
        await Assertions.Expect(page.Locator("#users-grid")).ToContainTextAsync("browser-made");

        await using (var db = browser.App.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.UserName == "browser-made")).Role.Should().Be(AppRole.User);
        }

        var other = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(other, "browser-made", "browser-made-pass");
        await Assertions.Expect(other.Locator("#signed-in-as")).ToContainTextAsync("browser-made");
    }

    private async Task<int> RunCountAsync()
    {
        await using var db = browser.App.CreateDbContext();
        return (await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(j => j.JobName == PruneActivityJob.Name))?.RunCount ?? 0;
    }
}
