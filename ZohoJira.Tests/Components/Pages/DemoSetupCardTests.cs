using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.SmartItems;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Pages;
using ZohoJira.Web.Onboarding;

namespace ZohoJira.Tests.Components.Pages;

/// <summary>"Set up the demo" on a fresh database with the sandbox on (an app of its own: it connects both vendors).</summary>
public sealed class DemoSetupCardTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SettingUpTheDemo_ConnectsBothSides_CreatesTheTwoWayItem_AndASecondRunChangesNothing()
    {
        await using var host = new ComponentHost(_app);
        var card = host.Render<DemoSetupCard>();

        await card.InvokeAsync(() => card.Find("#demo-setup").Click());

        card.WaitForAssertion(() => card.Find("#demo-steps").TextContent.Should().Contain("Connected the sandbox Zoho Desk")
            .And.Contain("Connected the sandbox Jira site").And.Contain("Created"), TimeSpan.FromSeconds(20));
        (await _app.Services.GetRequiredService<ZohoConnectionService>().GetStatusAsync()).IsConnected.Should().BeTrue();
        (await _app.Services.GetRequiredService<JiraConnectionService>().GetStatusAsync())!.IsConnected.Should().BeTrue();
        var items = _app.Services.GetRequiredService<SmartItemService>();
        var summary = (await items.ListAsync()).Should().ContainSingle(i => i.Name == DemoSetup.ItemName).Subject;
        var item = (await items.GetAsync(summary.Id))!.Definition;
        item.Mode.Should().Be(SyncMode.TwoWay);
        item.JiraProjectKey.Should().Be("SUP");
        item.ZohoModule.Should().Be("tickets");
        item.Options.Should().Match<SyncOptions>(o => o.AutoCreate && o.Status && o.Comments && o.Attachments && o.AutoCreateBaseline != null);
        item.Mappings.Should().Contain(m => m.ZohoField == "subject" && m.JiraFieldId == "summary");
        card.Find("#demo-item").GetAttribute("href").Should().Be($"/admin/smart-items/{summary.Id}");

        await card.InvokeAsync(() => card.Find("#demo-setup").Click());

        card.WaitForAssertion(() => card.Find("#demo-steps").TextContent.Should().Contain("already exists").And.Contain("Zoho Desk was already connected"));
        (await items.ListAsync()).Count(i => i.Name == DemoSetup.ItemName).Should().Be(1);
    }
}
