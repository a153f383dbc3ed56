using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Web.Components.Layout;

namespace ZohoJira.Tests.Components.Layout;

public sealed class NavigationAndThemeTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    private static readonly string[] AdminLinks = ["/admin/connections/zoho", "/admin/connections/jira", "/admin/users", "/admin/scheduler"];

    [Fact]
    public async Task AnAdministrator_SeesEveryAdministrationEntry()
    {
        await using var host = new ComponentHost(fixture.App, role: "Admin");
        var links = host.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        links.Should().Contain("/").And.Contain(AdminLinks);
    }

    [Fact]
    public async Task AUser_SeesOnlyTheOverview()
    {
        await using var host = new ComponentHost(fixture.App, role: "User");
        var links = host.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        links.Should().Equal("/");
    }

    [Fact]
    public async Task TheLayout_ShowsWhoIsSignedIn_AndSwitchesToDarkAndBack_RememberingTheChoice()
    {
        await using var host = new ComponentHost(fixture.App, role: "User", providers: false);
        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeFalse();
        var module = host.Context.JSInterop.SetupModule("./js/theme.js");
        module.SetupVoid("rememberTheme", _ => true).SetVoidResult();

        var layout = host.Render<MainLayout>(p => p.Add(l => l.Body, "<p id='body'>page</p>"));
        layout.Find("[data-interactive]").GetAttribute("data-interactive").Should().Be("true");
        layout.Find("#signed-in-as").TextContent.Should().Contain("component-test").And.Contain("User").And.NotContain("Admin");

        layout.Find("#theme-toggle").Click();

        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeTrue();
        module.VerifyInvoke("rememberTheme").Arguments.Should().Equal(UserTheme.CookieName, UserTheme.Dark);

        layout.Find("#theme-toggle").Click();
        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeFalse();
        module.VerifyInvoke("rememberTheme", calledTimes: 2)[1].Arguments.Should().Equal(UserTheme.CookieName, UserTheme.Light);
    }
}
