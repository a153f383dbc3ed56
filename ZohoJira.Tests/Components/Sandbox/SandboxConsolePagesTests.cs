using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.SandboxConsole;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Web.Components.Layout;

namespace ZohoJira.Tests.Components.Sandbox;

/// <summary>The console's pages and cards, rendered as the circuit renders them against the app's real simulators.</summary>
public sealed class SandboxConsolePagesTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task ZohoConsole_OpeningATicketAndSavingAField_ChangesItInTheOrganization()
    {
        await using var host = new ComponentHost(fixture.App);
        var zoho = Services.GetRequiredService<ZohoConsole>();
        var ticket = zoho.List("tickets")[0];
        var page = host.Render<ZohoConsolePage>();

        page.WaitForAssertion(() => page.Find($"#open-{ticket.Id}"), TimeSpan.FromSeconds(5));
        await page.InvokeAsync(() => page.Find($"#open-{ticket.Id}").Click());
        page.WaitForAssertion(() => page.Find("#zoho-record").GetAttribute("data-record-id").Should().Be(ticket.Id));
        page.Find("#zoho-save").HasAttribute("disabled").Should().BeTrue("nothing was changed yet");

        page.Find("#zoho-field-subject").Input("Renamed in the console");
        await page.InvokeAsync(() => page.Find("#zoho-save").Click());

        page.WaitForAssertion(() => page.Find("#zoho-result").TextContent.Should().Contain("Saved"));
        (await zoho.GetAsync("tickets", ticket.Id))!["subject"]!.GetValue<string>().Should().Be("Renamed in the console");
        page.Find("#sync-counterpart").TextContent.Should().Contain("Not linked yet");
    }

    [Fact]
    public async Task ZohoConsole_SavingATicketDeletedMeanwhile_ShowsZohosRefusal()
    {
        await using var host = new ComponentHost(fixture.App);
        var ticket = Services.GetRequiredService<ZohoConsole>().List("tickets")[1];
        Navigate(host, "/sandbox/console/zoho?record=" + ticket.Id);
        var page = host.Render<ZohoConsolePage>();

        page.WaitForAssertion(() => page.Find("#zoho-record"));
        page.Find("#zoho-field-subject").Input("Too late");
        var state = Services.GetRequiredService<ZohoSandboxState>();

        // On the renderer's thread, so the page's own refresh cannot notice the deletion before the click.
        await page.InvokeAsync(() =>
        {
            lock (state.Gate)
            {
                state.Find("tickets", ticket.Id)!["isTrashed"] = true; // another agent deleted it meanwhile
            }

            page.Find("#zoho-save").Click();
        });

        page.WaitForAssertion(() => page.Find("#zoho-result").TextContent.Should().Contain("Zoho Desk refused it").And.Contain("404"));
        page.WaitForAssertion(() => page.Find("#zoho-record-gone"));
    }

    [Fact]
    public async Task JiraConsole_ATransitionWithRequiredFields_AsksForThemBeforeMoving()
    {
        await using var host = new ComponentHost(fixture.App);
        var jira = Services.GetRequiredService<JiraConsole>();
        var issue = jira.List("SUP").First(i => i.Status != "Resolved");
        Navigate(host, "/sandbox/console/jira?issue=" + issue.Key);
        var page = host.Render<JiraConsolePage>();

        page.WaitForAssertion(() => page.Find("#jira-issue").GetAttribute("data-key").Should().Be(issue.Key));
        await page.InvokeAsync(() => page.Find("#jira-transition-41").Click());

        page.WaitForAssertion(() => page.Find("#jira-transition-form").TextContent.Should().Contain("Resolution"));
        jira.Value(issue.Key, "status").Should().Be(issue.Status, "a transition with required fields waits for them");
        await page.InvokeAsync(() => page.Find("#jira-transition-go").Click());
        page.WaitForAssertion(() => page.Find("#jira-result").TextContent.Should().Contain("Jira refused it").And.Contain("resolution"));
    }

    [Fact]
    public async Task FaultSwitches_ArmTheSimulatorAndShowWhatIsArmed()
    {
        await using var host = new ComponentHost(fixture.App);
        var faults = Services.GetRequiredService<JiraSandboxFaults>();
        faults.Reset();
        var card = host.Render<FaultSwitchesCard>(p => p.Add(c => c.Side, ConsoleSide.Jira));

        await card.InvokeAsync(() => card.Find("#fault-jira-5xx").Click());

        faults.PendingFailures.Should().Be(2);
        card.Find("#fault-jira-status").TextContent.Should().Contain("Armed failures: 2").And.Contain("503");
        await card.InvokeAsync(() => card.Find("#fault-jira-reset").Click());
        faults.PendingFailures.Should().Be(0);
        card.FindAll("#fault-zoho-revoke").Should().BeEmpty("revoking a token is a Zoho switch");
        Services.GetRequiredService<ZohoSandboxFaults>().PendingFailures.Should().Be(0);
    }

    [Fact]
    public async Task TheNavigation_OffersTheConsoleToAdministrators_WhileTheSandboxIsOn()
    {
        await using (var admin = new ComponentHost(fixture.App, role: "Admin"))
        {
            admin.Render<NavMenu>().Find("#nav-sandbox-console").GetAttribute("href").Should().Be("/sandbox/console/zoho");
        }

        await using var user = new ComponentHost(fixture.App, role: "User");
        user.Render<NavMenu>().FindAll("#nav-sandbox-console").Should().BeEmpty();
    }

    private static void Navigate(ComponentHost host, string uri) =>
        host.Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(uri);
}
