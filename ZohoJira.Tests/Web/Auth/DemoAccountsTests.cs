using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Users;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Security;

namespace ZohoJira.Tests.Web.Auth;

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task DemoAccounts_AreGone_OnceTheSameDatabaseStartsWithTheSandboxOff()
    {
        await using var sandbox = new ZohoJiraAppFactory().Start();
        using (var signedIn = await sandbox.CreateAdminClientAsync())
        {
            (await signedIn.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The same database, started again in production with the sandbox off.
        await using var production = new ZohoJiraAppFactory(sandbox.DataDirectory).InEnvironment("Production").With("Sandbox:Enabled", "false")
            .With("Auth:Admin:UserName", "operator").With("Auth:Admin:Password", "a-real-admin-password").Start();
        using var client = production.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await ZohoJiraAppFactory.PostLoginAsync(client, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);

        response.StatusCode.Should().NotBe(HttpStatusCode.Redirect, "the public demo password must not sign in");
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var users = production.Services.GetRequiredService<UserService>();
        (await users.ListAsync()).Select(u => u.UserName).Should().NotContain(DemoAccounts.All.Select(d => d.UserName));
        (await users.ListAsync()).Should().ContainSingle().Which.UserName.Should().Be("operator");
        (await ZohoJiraAppFactory.PostLoginAsync(client, "operator", "a-real-admin-password")).StatusCode.Should().Be(HttpStatusCode.Redirect,
            "the form itself works: only the demo account is refused");
    }
}
