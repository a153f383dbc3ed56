using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.SmartItems;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.SmartItems;

namespace ZohoJira.Tests.Components.Admin.SmartItems;

/// <summary>The Smart Connected Items grid against the app's real item service, with Zoho Desk connected to the
/// simulator. Tests share one app, so each uses item names of its own.</summary>
public sealed class SmartItemsPageTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private ZohoJiraAppFactory App => fixture.App;

    private SmartItemService Items => App.Services.GetRequiredService<SmartItemService>();

    [Fact]
    public async Task ARow_ShowsEveryColumn_AndDashesWhereTheEngineHasNotRun()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid columns"));
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();

        page.WaitForAssertion(() => page.Find($"#item-name-{id}"));
        var row = page.Find($"#item-name-{id}").Closest("tr")!;
        row.TextContent.Should().Contain("Grid columns").And.Contain("Two-way").And.Contain("SUP").And.Contain("Bug")
            .And.Contain("Tickets").And.Contain("Subject ↔ Summary");
        page.Find($"#item-lastsync-{id}").TextContent.Should().Be("—");
        page.Find($"#item-error-{id}").TextContent.Should().Be("—");
        page.Find($"#item-links-{id}").TextContent.Should().Be("0");
        page.Find($"#item-options-{id}").InnerHtml.Should().Contain("Auto-create: on").And.Contain("Comments: on");
        page.FindAll($"#item-legacy-{id}").Should().BeEmpty();
    }

    [Fact]
    public async Task ALegacyItem_HasTheBadge_AndARecordedError_OpensWithItsDetails()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid legacy"));
        await using (var db = App.CreateDbContext())
        {
            var entity = await db.SmartItems.SingleAsync(s => s.Id == id);
            entity.IsLegacy = true;
            entity.LastError = "Jira refused the issue: field 'customfield_10050' is not on the screen.";
            entity.LastErrorAt = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();

        page.WaitForAssertion(() => page.Find($"#item-legacy-{id}").TextContent.Should().Contain("Legacy"));
        page.Find($"#item-error-{id}").TextContent.Should().Contain("2026-03-01 08:00 UTC");
        page.Find($"#item-error-{id}").Click();
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Markup.Should().Contain("is not on the screen"));
    }

    [Fact]
    public async Task Delete_SaysHowManyLinksGo_AndCancelKeepsTheItem()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid delete"));
        await AddLinksAsync(id, 3);
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();
        page.WaitForAssertion(() => page.Find($"#item-links-{id}").TextContent.Should().Be("3"));

        page.Find($"#item-delete-{id}").Click();
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Markup.Should().Contain("removes its 3 links"));
        host.ClickDialogButton("Cancel");
        (await Items.GetAsync(id)).Should().NotBeNull();

        page.Find($"#item-delete-{id}").Click();
        host.ClickDialogButton("Delete");
        page.WaitForAssertion(() => page.FindAll($"#item-name-{id}").Should().BeEmpty());
        (await Items.GetAsync(id)).Should().BeNull();
        host.SnackbarMessages.Should().Contain(m => m.Contains("deleted with 3 link(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PauseInOneGrid_ShowsInAnotherAdminsOpenGrid_WithoutAReload()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid shared"));
        await using var first = new ComponentHost(App);
        await using var second = new ComponentHost(App);
        var mine = first.Render<SmartItemsPage>();
        var theirs = second.Render<SmartItemsPage>();
        theirs.WaitForAssertion(() => theirs.Find($"#item-pause-{id}"));

        mine.WaitForAssertion(() => mine.Find($"#item-pause-{id}"));
        mine.Find($"#item-pause-{id}").Click();

        theirs.WaitForAssertion(() => theirs.Find($"#item-paused-{id}").TextContent.Should().Be("Paused"));
        theirs.Find($"#item-resume-{id}");
        (await Items.GetAsync(id))!.Definition.Paused.Should().BeTrue();

        theirs.Find($"#item-resume-{id}").Click();
        mine.WaitForAssertion(() => mine.FindAll($"#item-paused-{id}").Should().BeEmpty());
        (await Items.GetAsync(id))!.Definition.Paused.Should().BeFalse();
    }

    [Fact]
    public async Task Duplicate_AddsAPausedCopy_ToTheGrid()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid original"));
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();

        page.WaitForAssertion(() => page.Find($"#item-duplicate-{id}"));
        page.Find($"#item-duplicate-{id}").Click();

        page.WaitForAssertion(() => page.Find("#smart-items-grid").TextContent.Should().Contain("Grid original (copy)"));
        var copy = (await Items.ListAsync()).Single(i => i.Name == "Grid original (copy)");
        copy.IsPaused.Should().BeTrue();
        page.Find($"#item-paused-{copy.Id}");
    }

    [Fact]
    public async Task ExportDownload_IsAJsonFileForAdmins_AndRefusedToUsers()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid export"));
        using var admin = await App.CreateAdminClientAsync();
        using var response = await admin.GetAsync($"{SmartItemExportEndpoints.Path}?id={id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain(".json");
        var json = await response.Content.ReadAsStringAsync();
        json.Should().Contain("\"schemaVersion\"").And.Contain("Grid export");

        using var missing = await admin.GetAsync($"{SmartItemExportEndpoints.Path}?id={Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var user = await App.CreateUserClientAsync();
        using var refused = await user.GetAsync(SmartItemExportEndpoints.Path);
        refused.IsSuccessStatusCode.Should().BeFalse();
        (await refused.Content.ReadAsStringAsync()).Should().NotContain("Grid export");
        using var page = await user.GetAsync("/admin/smart-items");
        (await page.Content.ReadAsStringAsync()).Should().NotContain("smart-items-grid");
    }

    [Fact]
    public async Task Import_ShowsWhatItWillDo_ThenApplies()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid import"));
        var file = (await Items.ExportAsync(id))!;
        (await Items.DeleteAsync(id)).Should().Be(0);
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();
        page.WaitForAssertion(() => page.Find("#smart-items-grid"));

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText(file, "items.json", contentType: "application/json"));

        host.Dialogs.WaitForAssertion(() => host.Dialogs.Markup.Should().Contain("Import preview"));
        host.Dialogs.WaitForAssertion(() =>
            host.Dialogs.Find("#import-preview-summary").TextContent.Should().Contain("1 to create, 0 to update, 0 to skip"));
        await host.Dialogs.InvokeAsync(() => host.Dialogs.Find("#import-apply").Click());

        page.WaitForAssertion(() => page.Find("#smart-items-grid").TextContent.Should().Contain("Grid import"));
        (await Items.ListAsync()).Should().ContainSingle(i => i.Name == "Grid import");
        host.SnackbarMessages.Should().Contain("Imported 1 item(s).");
    }

    [Fact]
    public async Task Import_ChecksEachItemAgainstTheConnectedTenant_AndSkipsWhatWouldNotWork()
    {
        await App.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            "http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var sample = SmartItemSamples.TwoWayTickets("Grid import unknown field");
        var id = await CreateAsync(sample with
        {
            JiraIssueTypeId = JiraSandboxSeed.Bug,
            Mappings = [.. sample.Mappings, new FieldMapping { JiraFieldId = "customfield_99999", JiraFieldName = "Gone", ZohoField = "email", ZohoFieldLabel = "Email" }],
        });
        var file = (await Items.ExportAsync(id))!;
        (await Items.DeleteAsync(id)).Should().Be(0);
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();
        page.WaitForAssertion(() => page.Find("#smart-items-grid"));

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText(file, "items.json", contentType: "application/json"));

        host.Dialogs.WaitForAssertion(() =>
            host.Dialogs.Find("#import-preview-summary").TextContent.Should().Contain("0 to create, 0 to update, 1 to skip"));
        host.Dialogs.Find("#import-preview-table").TextContent.Should().Contain("Jira field 'Gone' is on neither the create nor the edit screen");
        host.Dialogs.FindAll("#import-tenant-unchecked").Should().BeEmpty("Jira and Zoho Desk are connected, so the check ran");
        host.Dialogs.Find("#import-apply").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task RunNow_ReadsTheModuleOnce_AndTheGridShowsTheRunsTime()
    {
        var id = await CreateAsync(SmartItemSamples.TwoWayTickets("Grid run now"));
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemsPage>();
        page.WaitForAssertion(() => page.Find($"#item-lastsync-{id}").TextContent.Should().Be("—"));

        await page.InvokeAsync(() => page.Find($"#item-run-{id}").Click());

        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain(m => m.StartsWith("Grid run now ran:", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        page.WaitForAssertion(() => page.Find($"#item-lastsync-{id}").TextContent.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"));
    }

    private async Task<Guid> CreateAsync(SmartItemModel model)
    {
        var result = await Items.CreateAsync(model);
        result.Succeeded.Should().BeTrue(result.Message);
        await App.Services.GetRequiredService<SmartItemChangeNotifier>().NotifyChangedAsync();
        return result.Id!.Value;
    }

    private async Task AddLinksAsync(Guid itemId, int count)
    {
        await using var db = App.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            var n = Guid.NewGuid().ToString("N")[..6];
            db.Links.Add(new Link
            {
                Id = Guid.NewGuid(),
                SmartItemId = itemId,
                JiraIssueId = "1" + n,
                JiraIssueKey = "SUP-" + n,
                ZohoModule = "tickets",
                ZohoRecordId = "9" + n,
                Kind = LinkKind.Manual,
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>The grid without a Zoho Desk connection: its own app, never connected.</summary>
public sealed class SmartItemsPageDisconnectedTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    [Fact]
    public async Task WithoutZoho_TheGridIsHidden_AndTheMessageLinksToTheConnectionPage()
    {
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<SmartItemsPage>();

        page.WaitForAssertion(() => page.Find("#smart-items-zoho-disconnected").TextContent.Should().Contain("need a Zoho Desk connection"));
        page.Find("#smart-items-connect-zoho").GetAttribute("href").Should().Be("/admin/connections/zoho");
        page.FindAll("#smart-items-grid").Should().BeEmpty();
    }
}
