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
        var created = await Items.CreateAsync(SupBugs("Browser tickets"));
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

    [Theory]
    [InlineData(SyncMode.DisplayOnly)]
    [InlineData(SyncMode.OneWay)]
    [InlineData(SyncMode.TwoWay)]
    [InlineData(SyncMode.Custom)]
    public async Task Admin_CreatesAnItemOfEachMode_ThroughTheWizard(SyncMode mode)
    {
        var name = $"Browser new {mode}";
        var page = await Browser.NewPageAsync();
        await Browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/smart-items");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#smart-items-new");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/smart-items/new", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Locator($"#wizard-mode-{mode}").ClickAsync(new() { Force = true });
        await page.FillAsync("#wizard-name", name);
        if (mode != SyncMode.DisplayOnly)
        {
            await page.ClickAsync("#wizard-issuetype");
            await page.GetByRole(AriaRole.Option, new() { Name = "Bug", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#wizard-step-scope")).ToContainTextAsync("Bug");
        }

        await NextAsync(page);
        await Assertions.Expect(page.Locator("#wizard-step-fields")).ToBeVisibleAsync();
        if (mode == SyncMode.DisplayOnly)
        {
            await page.ClickAsync("#wizard-add-display-field");
            await page.GetByRole(AriaRole.Option, new() { Name = "Subject", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#wizard-step-fields")).ToContainTextAsync("Subject");
        }
        else
        {
            await page.ClickAsync("#wizard-suggest");
            await Assertions.Expect(page.Locator("#wizard-mappings")).ToContainTextAsync("Summary");
        }

        await NextAsync(page);
        await Assertions.Expect(page.Locator("#wizard-step-rules")).ToBeVisibleAsync();
        await NextAsync(page);
        await Assertions.Expect(page.Locator("#wizard-review")).ToBeVisibleAsync();
        await page.ClickAsync("#wizard-save");

        await page.WaitForURLAsync(url => url.EndsWith("/admin/smart-items", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#smart-items-grid")).ToContainTextAsync(name);
        var saved = (await Items.ListAsync()).Single(i => i.Name == name);
        saved.Mode.Should().Be(mode);
        var definition = (await Items.GetAsync(saved.Id))!.Definition;
        if (mode == SyncMode.DisplayOnly)
        {
            definition.DisplayFields.Should().Equal("subject");
            definition.JiraIssueTypeId.Should().BeNull();
        }
        else
        {
            definition.JiraIssueTypeId.Should().Be(JiraSandboxSeed.Bug);
            definition.Mappings.Should().Contain(m => m.ZohoField == "subject" && m.JiraFieldId == "summary");
            definition.Mappings.Should().OnlyContain(m => (m.Direction != null) == (mode == SyncMode.Custom));
        }
    }

    [Fact]
    public async Task Admin_ExportsDeletesAndImportsAnItem_AndTheGridShowsEveryColumn()
    {
        var created = await Items.CreateAsync(SupBugs("Browser round trip"));
        var id = created.Id!.Value;
        var page = await Browser.NewPageAsync();
        await Browser.SignInAsAdminAsync(page);
        await page.GotoAsync("/admin/smart-items");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var headers = await page.Locator("#smart-items-grid th").AllInnerTextsAsync();
        headers.Select(h => h.Trim()).Should().Contain(["Name", "Jira scope", "Zoho module", "Mappings", "Options", "Last sync", "Links", "Last error"]);
        await Assertions.Expect(page.Locator($"#item-lastsync-{id}")).ToHaveTextAsync("—");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#item-export-{id}"));
        var file = Path.Combine(Path.GetTempPath(), $"zohojira-export-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            (await File.ReadAllTextAsync(file)).Should().Contain("\"schemaVersion\"").And.Contain("Browser round trip");

            await page.ClickAsync($"#item-delete-{id}");
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Delete Browser round trip?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator($"#item-edit-{id}")).ToHaveCountAsync(0);
            (await Items.GetAsync(id)).Should().BeNull();

            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("#import-preview-summary")).ToContainTextAsync("1 to create");
            await Assertions.Expect(page.Locator("#import-tenant-unchecked")).ToHaveCountAsync(0);
            await page.ClickAsync("#import-apply");
            await Assertions.Expect(page.Locator("#smart-items-grid")).ToContainTextAsync("Browser round trip");
            (await Items.ListAsync()).Should().ContainSingle(i => i.Name == "Browser round trip");
        }
        finally
        {
            File.Delete(file);
        }
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

    /// <summary>A two-way item that is valid on the sandbox tenant: Zoho tickets ↔ SUP bugs, subject ↔ summary.</summary>
    private static SmartItemModel SupBugs(string name) => new()
    {
        Name = name,
        Mode = SyncMode.TwoWay,
        JiraProjectKey = "SUP",
        JiraProjectName = "Customer Support",
        JiraIssueTypeId = JiraSandboxSeed.Bug,
        JiraIssueTypeName = "Bug",
        ZohoModule = "tickets",
        ZohoModuleName = "Tickets",
        Mappings = [new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" }],
    };

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
