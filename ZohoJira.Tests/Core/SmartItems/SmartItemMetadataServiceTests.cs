using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.SmartItems.Metadata;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.SmartItems;

/// <summary>The wizard's metadata from the real vendor clients against the simulators, and its cache.</summary>
public sealed class SmartItemMetadataServiceTests
{
    private const string SandboxSite = "http://localhost" + JiraSandboxAccounts.SitePath;

    [Fact]
    public async Task OpeningTheWizardTwice_CostsOneRoundOfVendorCalls_AndReloadAsksAgain()
    {
        await using var app = await ConnectedAppAsync();
        var metadata = app.Services.GetRequiredService<SmartItemMetadataService>();
        using var counter = new SandboxRequestCounter(app.State());

        var first = await OneWizardRoundAsync(metadata);
        var afterFirst = counter.Paths.Count;
        var second = await OneWizardRoundAsync(metadata);

        afterFirst.Should().BeGreaterThanOrEqualTo(5, "projects, issue types, the create screen, Zoho fields and statuses are read");
        counter.Paths.Count.Should().Be(afterFirst, "the second opening is answered from the cache");
        second.Should().Be(first);

        metadata.Reload();
        await OneWizardRoundAsync(metadata);
        counter.Paths.Count.Should().Be(2 * afterFirst, "Reload fields forgets the cache");
    }

    [Fact]
    public async Task TheCacheExpires_AfterAFewMinutesOnTheClock()
    {
        await using var app = await ConnectedAppAsync();
        var metadata = app.Services.GetRequiredService<SmartItemMetadataService>();
        using var counter = new SandboxRequestCounter(app.State());

        await metadata.GetZohoModuleAsync("tickets");
        var once = counter.Paths.Count;
        app.Time.Advance(SmartItemMetadataService.CacheLifetime - TimeSpan.FromSeconds(1));
        await metadata.GetZohoModuleAsync("tickets");
        counter.Paths.Count.Should().Be(once);

        app.Time.Advance(TimeSpan.FromSeconds(2));
        await metadata.GetZohoModuleAsync("tickets");
        counter.Paths.Count.Should().Be(2 * once);
    }

    [Fact]
    public async Task TheMetadata_DescribesTheSandboxTenant()
    {
        await using var app = await ConnectedAppAsync();
        var metadata = app.Services.GetRequiredService<SmartItemMetadataService>();

        (await metadata.GetProjectsAsync()).Select(p => p.Key).Should().Contain(["SUP", "DEV"]);
        (await metadata.GetIssueTypesAsync("SUP")).Select(t => t.Name).Should().Contain("Bug");
        var screen = await metadata.GetJiraScreenAsync("SUP", JiraSandboxSeed.Bug);
        screen.EditFromCreate.Should().BeFalse("SUP has bugs, so the edit screen is read from one of them");
        screen.Screen.FindCreateField("summary")!.Kind.Should().Be(FieldKind.Text);
        screen.Screen.FindCreateField("summary")!.Required.Should().BeTrue();
        screen.Screen.EditFields.Select(f => f.Id).Should().Contain("summary").And.NotContain("issuetype");
        screen.StatusesKnown.Should().BeTrue();
        screen.Screen.Statuses.Should().Contain(["Open", "Resolved"], "the SUP workflow's statuses")
            .And.NotContain("Investigating", "that status belongs to the OPS workflow");

        var tickets = await metadata.GetZohoModuleAsync("tickets");
        tickets.StatusField.Should().Be("status");
        tickets.SupportsPolling.Should().BeTrue();
        tickets.FindField("priority")!.Kind.Should().Be(FieldKind.Option);
        tickets.FindField("status")!.PicklistValues.Should().Contain("Open");
        tickets.FindField("dueDate")!.Kind.Should().Be(FieldKind.DateTime);
        var modules = await metadata.GetZohoModulesAsync();
        modules.Select(m => m.ApiName).Should().Contain(["tickets", "contacts", "accounts"]).And.OnlyHaveUniqueItems();
        modules.Should().OnlyContain(m => m.SupportsPolling, "only modules the connector can read are offered");
    }

    [Fact]
    public async Task APairWithoutIssues_TakesItsEditScreenFromTheCreateScreen_AndSaysSo()
    {
        await using var app = await ConnectedAppAsync();
        var metadata = app.Services.GetRequiredService<SmartItemMetadataService>();
        var site = app.Services.GetRequiredService<JiraSandboxState>();
        lock (site.Gate)
        {
            site.Issues.RemoveAll(i => i.Project.Key == "OPS" && i.IssueTypeId == JiraSandboxSeed.Task);
        }

        using var counter = new SandboxRequestCounter(app.State());

        var screen = await metadata.GetJiraScreenAsync("OPS", JiraSandboxSeed.Task);

        screen.EditFromCreate.Should().BeTrue("OPS has no tasks left to read an edit screen from");
        screen.Screen.EditFields.Should().BeEquivalentTo(screen.Screen.CreateFields);
        counter.Paths.Should().NotContain(p => p.EndsWith("/editmeta", StringComparison.Ordinal));
        screen.Screen.Statuses.Should().NotBeEmpty();
    }

    private static async Task<(int Projects, int Types, int Fields, int ZohoFields)> OneWizardRoundAsync(SmartItemMetadataService metadata)
    {
        var projects = await metadata.GetProjectsAsync();
        var types = await metadata.GetIssueTypesAsync("SUP");
        var screen = await metadata.GetJiraScreenAsync("SUP", JiraSandboxSeed.Bug);
        var module = await metadata.GetZohoModuleAsync("tickets");
        return (projects.Count, types.Count, screen.Screen.CreateFields.Count, module.Fields.Count);
    }

    private static async Task<ZohoJiraAppFactory> ConnectedAppAsync()
    {
        var app = new ZohoJiraAppFactory().Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        await app.Services.GetRequiredService<JiraConnectionService>().SaveAsync(
            SandboxSite, JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        return app;
    }
}
