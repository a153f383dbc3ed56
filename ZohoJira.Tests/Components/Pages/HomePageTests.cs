using ZohoJira.Web.Components.IssuePanel;
using ZohoJira.Web.Components.Pages;

namespace ZohoJira.Tests.Components.Pages;

public sealed class HomePageTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    [Fact]
    public async Task AnAdministrator_SeesBothConnectionsAndTheAdministrationLinks()
    {
        await using var host = new ComponentHost(fixture.App, role: "Admin");
        var page = host.Render<HomePage>();

        page.WaitForAssertion(() => page.Find("#overview-zoho").TextContent.Should().Contain("Not connected"));
        page.Find("#overview-jira").TextContent.Should().Contain("Not connected");
        page.Find("#database-provider").TextContent.Should().Be("Sqlite");
        page.FindAll("a").Select(a => a.GetAttribute("href")).Should().Contain(["/admin/users", "/admin/scheduler"]);
    }

    [Fact]
    public async Task AUser_SeesHowToWorkWithLinkedRecords_AndNoAdministration()
    {
        await using var host = new ComponentHost(fixture.App, role: "User");
        var page = host.Render<HomePage>();

        page.Find("#overview-user").TextContent.Should().Contain("Working with linked Zoho records");
        page.FindAll("#overview-zoho").Should().BeEmpty();
        page.Markup.Should().NotContain("/admin/");
    }

    [Fact]
    public async Task TheIssuePanel_SaysZohoIsNotConnected()
    {
        await using var host = new ComponentHost(fixture.App, role: "User");
        var panel = host.Render<IssuePanelPage>(p => p.Add(c => c.IssueKey, "SUP-7"));

        panel.Find("#issue-key").TextContent.Should().Be("SUP-7");
        panel.WaitForAssertion(() => panel.Find("#panel-not-connected").TextContent.Should().Contain("not connected to Zoho Desk"));
    }
}
