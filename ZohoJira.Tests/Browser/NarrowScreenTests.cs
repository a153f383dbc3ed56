using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.SmartItems;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>The admin grids at 1024 px wide: the menu folds away, and every row's actions stay on screen.</summary>
public sealed class NarrowScreenTests(SmartItemsBrowserFixture fixture) : IClassFixture<SmartItemsBrowserFixture>
{
    [Fact]
    public async Task At1024Pixels_EveryGridsRowActions_AreOnScreen_AndTheMenuOpensFromTheBar()
    {
        await fixture.Browser.App.Services.GetRequiredService<SmartItemService>().CreateAsync(new SmartItemModel
        {
            Name = "Narrow screen tickets",
            Mode = SyncMode.TwoWay,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            JiraIssueTypeId = JiraSandboxSeed.Bug,
            JiraIssueTypeName = "Bug",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" }],
        });
        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 800);
        await fixture.Browser.SignInAsAdminAsync(page);

        foreach (var path in new[] { "/admin/users", "/admin/smart-items", "/admin/scheduler" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            var actions = page.Locator(".zj-actions-cell .mud-icon-button, .zj-actions-cell .mud-button-root");
            await Assertions.Expect(actions.First).ToBeVisibleAsync();
            foreach (var box in await Task.WhenAll((await actions.AllAsync()).Select(a => a.BoundingBoxAsync())))
            {
                box.Should().NotBeNull();
                (box!.X + box.Width).Should().BeLessThanOrEqualTo(1024, $"the actions on {path} are on screen");
            }
        }

        await Assertions.Expect(page.Locator("a[href='/admin/users']")).Not.ToBeInViewportAsync();
        await page.ClickAsync("#nav-toggle");
        await Assertions.Expect(page.Locator("a[href='/admin/users']")).ToBeInViewportAsync();
    }
}
