using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.SmartItems;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Admin.SmartItems;

namespace ZohoJira.Tests.Components.Admin.SmartItems;

/// <summary>One app with Zoho Desk and Jira connected to the simulators, shared by the wizard tests.</summary>
public sealed class WizardAppFixture : IAsyncLifetime
{
    public ZohoJiraAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Start();
        await ZohoSandboxConnection.ConnectAsync(App);
        await App.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            "http://localhost" + JiraSandboxAccounts.SitePath, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The wizard against the app's real services and the simulated vendors: step validation, editing, conflicts,
/// mapping undo and the rule preview.</summary>
public sealed class SmartItemWizardPageTests(WizardAppFixture fixture) : IClassFixture<WizardAppFixture>
{
    private ZohoJiraAppFactory App => fixture.App;

    private SmartItemService Items => App.Services.GetRequiredService<SmartItemService>();

    [Fact]
    public async Task StepOne_WithoutNameOrIssueType_ShowsTheReasonsInline_AndStays()
    {
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemWizardPage>();
        page.WaitForAssertion(() => page.Find("#wizard-step-scope"), TimeSpan.FromSeconds(10));

        await ClickNextAsync(page);

        page.WaitForAssertion(() => page.Find("#wizard-step-scope").TextContent.Should().Contain("issue type"));
        page.Find("#wizard-step-scope").TextContent.Should().MatchRegex("(?i)name");
        page.FindAll("#wizard-step-fields").Should().BeEmpty("the next step opens only when this one is valid");
    }

    [Fact]
    public async Task EditingAnItem_WalksEveryStep_ReviewsInPlainWords_AndSaves()
    {
        var id = await CreateAsync("Wizard edit");
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemWizardPage>(p => p.Add(w => w.ItemId, id));
        page.WaitForAssertion(() => page.Find("#wizard-name").GetAttribute("value").Should().Be("Wizard edit"), TimeSpan.FromSeconds(10));

        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-mappings").TextContent.Should().Contain("Subject").And.Contain("Summary"));
        await page.InvokeAsync(() => page.Find("#mapping-remove-subject").Click());
        page.WaitForAssertion(() => page.Find("#wizard-mappings").TextContent.Should().NotContain("Subject"));
        page.Find("#wizard-undo-removal").TextContent.Should().Contain("Undo removal of Subject");
        await page.InvokeAsync(() => page.Find("#wizard-undo-removal").Click());
        page.WaitForAssertion(() => page.Find("#wizard-mappings").TextContent.Should().Contain("Subject"));
        page.FindAll("#wizard-undo-removal").Should().BeEmpty();

        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-step-rules"));
        await page.InvokeAsync(() => page.Find("#wizard-preview").Click());
        page.WaitForAssertion(() => page.Find("#wizard-preview-count").TextContent.Should().MatchRegex(@"^\d+ of \d+ current records match"),
            TimeSpan.FromSeconds(10));

        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-review").TextContent.Should().Contain("Bug issues in SUP").And.Contain("Subject and Summary follow each other")
            .And.Contain("Comments do not sync"));
        await page.InvokeAsync(() => page.Find("#wizard-save").Click());

        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain("Wizard edit was saved."), TimeSpan.FromSeconds(10));
        (await Items.GetAsync(id))!.Definition.Mappings.Should().HaveCount(2);
    }

    [Fact]
    public async Task ASaveAfterSomeoneElsesSave_IsToldPlainly_AndCanReloadTheirVersion()
    {
        var id = await CreateAsync("Wizard conflict");
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemWizardPage>(p => p.Add(w => w.ItemId, id));
        page.WaitForAssertion(() => page.Find("#wizard-name"), TimeSpan.FromSeconds(10));

        var stored = (await Items.GetAsync(id))!;
        (await Items.PauseAsync(id, stored.Version)).Succeeded.Should().BeTrue();

        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-step-fields"));
        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-step-rules"));
        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-save"));
        await page.InvokeAsync(() => page.Find("#wizard-save").Click());

        page.WaitForAssertion(() => page.Find("#wizard-save-error").TextContent.Should().Contain("Someone else saved"), TimeSpan.FromSeconds(10));
        page.Find("#wizard-conflict-reload");
        page.Find("#wizard-conflict-overwrite");
        (await Items.GetAsync(id))!.Definition.Paused.Should().BeTrue("nothing was overwritten silently");
    }

    [Fact]
    public void TheWizardState_UndoesRemovals_InOrder_AndMovesTheBaselineOnReEnabling()
    {
        var state = new SmartItemWizardState();
        state.Mappings.Add(new FieldMapping { JiraFieldId = "summary", ZohoField = "subject" });
        state.Mappings.Add(new FieldMapping { JiraFieldId = "priority", ZohoField = "priority" });
        state.RemoveMapping(0);
        state.RemoveMapping(0);
        state.Mappings.Should().BeEmpty();
        state.UndoRemoval()!.ZohoField.Should().Be("priority");
        state.UndoRemoval()!.ZohoField.Should().Be("subject");
        state.Mappings.Select(m => m.ZohoField).Should().Equal("subject", "priority");
        state.UndoRemoval().Should().BeNull();

        var first = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        state.SetAutoCreate(true, first);
        state.Options.AutoCreateBaseline.Should().Be(first);
        state.SetAutoCreate(false, null);
        state.Options.AutoCreateBaseline.Should().BeNull();
        state.SetAutoCreate(true, first.AddHours(2));
        state.Options.AutoCreateBaseline.Should().Be(first.AddHours(2));
    }

    [Fact]
    public void TheWizardState_PairsStatusesByName_KeepsExplicitPairs_AndSetsTransitionDefaults()
    {
        var state = new SmartItemWizardState();
        state.SetStatusTarget("Escalated", "In Progress");

        var added = state.SuggestStatusMap(["Open", "On Hold", "Escalated", "Closed"], ["To Do", "In Progress", "On hold", "Closed"]);

        added.Should().Be(2, "On Hold and Closed have a Jira status of the same name; Open has none; Escalated is already paired");
        state.StatusTarget("On Hold").Should().Be("On hold");
        state.StatusTarget("Closed").Should().Be("Closed");
        state.StatusTarget("Escalated").Should().Be("In Progress");
        state.StatusTarget("Open").Should().BeNull();
        state.SetStatusTarget("Closed", null);
        state.StatusTarget("Closed").Should().BeNull();

        state.SetTransitionDefault("resolution", " Done ");
        state.SetTransitionDefault("resolution", "Won't Do");
        state.Status.TransitionDefaults.Should().Equal(new TransitionFieldDefault("resolution", "Won't Do"));
        state.SetTransitionDefault("resolution", "");
        state.Status.TransitionDefaults.Should().BeEmpty();
    }

    [Fact]
    public async Task TheStatusStep_ListsZohoStatusesAgainstTheWorkflowsStatuses_AndSavesThePairs()
    {
        var id = await CreateAsync("Wizard status map");
        var stored = (await Items.GetAsync(id))!;
        (await Items.UpdateAsync(id, stored.Version, stored.Definition with { Options = stored.Definition.Options with { Status = true } })).Succeeded.Should().BeTrue();
        await using var host = new ComponentHost(App);
        var page = host.Render<SmartItemWizardPage>(p => p.Add(w => w.ItemId, id));
        page.WaitForAssertion(() => page.Find("#wizard-name"), TimeSpan.FromSeconds(10));

        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-status-map").TextContent.Should().Contain("On Hold").And.Contain("Closed"));
        await page.InvokeAsync(() => page.Find("#wizard-status-suggest").Click());
        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-step-rules"));
        await ClickNextAsync(page);
        page.WaitForAssertion(() => page.Find("#wizard-save"));
        await page.InvokeAsync(() => page.Find("#wizard-save").Click());
        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain("Wizard status map was saved."), TimeSpan.FromSeconds(10));

        var saved = (await Items.GetAsync(id))!.Definition.Status.ValueMap;
        saved.Should().NotBeEmpty("the workflow has statuses named like some of Zoho's");
        saved.Should().OnlyContain(e => string.Equals(e.ZohoValue.Replace(" ", ""), e.JiraValue.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
    }

    private static Task ClickNextAsync(IRenderedComponent<SmartItemWizardPage> page) => page.InvokeAsync(() =>
    {
        var next = page.FindAll("button").FirstOrDefault(b => (b.GetAttribute("aria-label") ?? b.TextContent).Contains("Next", StringComparison.OrdinalIgnoreCase)
            || b.TextContent.Contains("Next", StringComparison.OrdinalIgnoreCase));
        next.Should().NotBeNull("the stepper has a Next button: " + page.Markup[..Math.Min(page.Markup.Length, 300)]);
        next!.Click();
    });

    private async Task<Guid> CreateAsync(string name)
    {
        var result = await Items.CreateAsync(new SmartItemModel
        {
            Name = name,
            Mode = SyncMode.TwoWay,
            JiraProjectKey = "SUP",
            JiraProjectName = "Customer Support",
            JiraIssueTypeId = JiraSandboxSeed.Bug,
            JiraIssueTypeName = "Bug",
            ZohoModule = "tickets",
            ZohoModuleName = "Tickets",
            Mappings =
            [
                new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" },
                new FieldMapping { JiraFieldId = "priority", JiraFieldName = "Priority", ZohoField = "priority", ZohoFieldLabel = "Priority" },
            ],
        });
        result.Succeeded.Should().BeTrue(result.Message);
        return result.Id!.Value;
    }
}
