using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZohoJira.Core.Connections;
using ZohoJira.Core.SmartItems;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Browser;

/// <summary>A browser and an app of their own, with Zoho Desk and Jira connected to the simulators (the connections would
/// disturb the shared browser app's other tests).</summary>
public sealed class SmartItemsBrowserFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await ZohoSandboxConnection.ConnectAsync(Browser.App);
        await Browser.App.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            Browser.BaseUrl + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

/// <summary>The Smart Connected Items grid and wizard clicked through in Chromium against the sandbox.</summary>
public sealed class SmartItemsBrowserTests(SmartItemsBrowserFixture fixture) : IClassFixture<SmartItemsBrowserFixture>
{
    private BrowserFixture Browser => fixture.Browser;

    private SmartItemService Items => Browser.App.Services.GetRequiredService<SmartItemService>();

    [Fact]
    public async Task Admin_PausesResumesAndEditsAnItem_ThroughTheGridAndTheWizard()
    {
        var created = await Items.CreateAsync(new SmartItemModel
        {
            Name = "Browser tickets",
            Mode = SyncMode.TwoWay,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            JiraIssueTypeId = JiraSandboxSeed.Bug,
            JiraIssueTypeName = "Bug",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            Mappings = [new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" }],
        });
        var id = created.Id!.Value;
        var page = await Browser.NewPageAsync();
        await Browser.SignInAsAdminAsync(page);

        await page.GotoAsync("/admin/smart-items");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#smart-items-grid")).ToContainTextAsync("Browser tickets");
        await ShootAsync(page, "grid");

        await page.ClickAsync($"#item-pause-{id}");
        await Assertions.Expect(page.Locator($"#item-paused-{id}")).ToHaveTextAsync("Paused");
        await page.ClickAsync($"#item-resume-{id}");
        await Assertions.Expect(page.Locator($"#item-paused-{id}")).ToHaveCountAsync(0);
        (await Items.GetAsync(id))!.Definition.Paused.Should().BeFalse();

        await page.ClickAsync($"#item-edit-{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#wizard-step-scope")).ToBeVisibleAsync();
        await page.FillAsync("#wizard-name", "Browser tickets renamed");
        await ShootAsync(page, "wizard-1-scope");
        await NextAsync(page);
        await Assertions.Expect(page.Locator("#wizard-mappings")).ToContainTextAsync("Summary");
        await ShootAsync(page, "wizard-2-fields");
        await NextAsync(page);
        await page.ClickAsync("#wizard-preview");
        await Assertions.Expect(page.Locator("#wizard-preview-count")).ToContainTextAsync("current records match");
        await ShootAsync(page, "wizard-3-rules");
        await NextAsync(page);
        await Assertions.Expect(page.Locator("#wizard-review")).ToContainTextAsync("Bug issues in SUP");
        await ShootAsync(page, "wizard-4-review");
        await page.ClickAsync("#wizard-save");

        await page.WaitForURLAsync(url => url.EndsWith("/admin/smart-items", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#smart-items-grid")).ToContainTextAsync("Browser tickets renamed");
        (await Items.GetAsync(id))!.Definition.Name.Should().Be("Browser tickets renamed");
    }

    [Fact]
    public async Task AUser_CannotReachTheGridOrTheWizard()
    {
        var page = await Browser.NewPageAsync();
        await Browser.SignInAsUserAsync(page);
        await Assertions.Expect(page.Locator("#signed-in-as")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a[href='/admin/smart-items']")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin/smart-items", "/admin/smart-items/new" })
        {
            var response = await page.GotoAsync(path);
            response!.Url.Should().NotEndWith(path, "a user is sent away from an admin page");
            await Assertions.Expect(page.Locator("#smart-items-grid")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#smart-item-wizard")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Access denied");

    }

    private static async Task NextAsync(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

    /// <summary>With ZOHOJIRA_SCREENSHOTS set to a folder, saves the page at 1400 and 1024 px wide there.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ZOHOJIRA_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1400, 1024 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
