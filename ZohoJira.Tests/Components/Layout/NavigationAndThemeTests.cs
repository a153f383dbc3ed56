using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Users;
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
        var users = fixture.App.Services.GetRequiredService<UserService>();
        var user = await users.CreateAsync($"theme-{Guid.NewGuid():N}"[..20], null, "theme-password-1", AppRole.User);
        await using var host = new ComponentHost(fixture.App, role: "User", providers: false);
        host.Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeFalse();
        var module = host.Context.JSInterop.SetupModule("./js/theme.js");
        module.SetupVoid("rememberTheme", _ => true).SetVoidResult();

        var layout = host.Render<MainLayout>(p => p.Add(l => l.Body, "<p id='body'>page</p>"));
        layout.Find("[data-interactive]").GetAttribute("data-interactive").Should().Be("true");
        layout.Find("#signed-in-as").TextContent.Should().Contain("component-test").And.Contain("User").And.NotContain("Admin");

        layout.Find("#theme-toggle").Click();

        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeTrue();
        module.VerifyInvoke("rememberTheme").Arguments.Should().Equal(UserTheme.CookieName, UserTheme.Dark);
        layout.WaitForAssertion(() => ThemeOf(user.Id).Should().Be(UserTheme.Dark, "the choice is kept with the user, for every browser"));

        layout.Find("#theme-toggle").Click();
        host.Context.Services.GetRequiredService<UserTheme>().IsDark.Should().BeFalse();
        module.VerifyInvoke("rememberTheme", calledTimes: 2)[1].Arguments.Should().Equal(UserTheme.CookieName, UserTheme.Light);
        layout.WaitForAssertion(() => ThemeOf(user.Id).Should().Be(UserTheme.Light));
    }

    private string? ThemeOf(Guid userId)
    {
        using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<ZohoJiraDbContext>>().CreateDbContext();
        return db.Users.Single(u => u.Id == userId).Theme;
    }
}
