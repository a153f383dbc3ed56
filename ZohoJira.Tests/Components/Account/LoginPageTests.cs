using Microsoft.AspNetCore.Http;
using ZohoJira.Web.Components.Account;
using ZohoJira.Web.Security;

namespace ZohoJira.Tests.Components.Account;

public sealed class LoginPageTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    [Fact]
    public async Task WithTheSandboxOn_TheSignInFormListsTheSandboxAccounts()
    {
        await using var host = new ComponentHost(fixture.App, role: null, interactive: false, providers: false);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;

        var page = host.Render<LoginPage>(p => p.AddCascadingValue(context));

        page.Find("#username");
        page.Find("#password");
        page.Find("#demo-accounts").TextContent.Should().Contain(DemoAccounts.Admin.UserName).And.Contain(DemoAccounts.User.UserName);
    }
}
