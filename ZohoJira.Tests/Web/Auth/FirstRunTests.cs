using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Users;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Auth;

/// <summary>Without the sandbox there are no demo accounts: the first administrator comes from the first-run page or
/// from configuration.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task SetupPage_CreatesTheFirstAdmin_ThenStopsWorking()
    {
        await using var app = new ZohoJiraAppFactory().With("Sandbox:Enabled", "false").Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.GetAsync("/account/login");
        login.StatusCode.Should().Be(HttpStatusCode.Redirect, "with no administrator the sign-in page sends you to setup");
        new Uri(new Uri("http://localhost"), login.Headers.Location!).PathAndQuery.Should().Be("/account/setup");

        var created = await PostSetupAsync(client, "first-admin", "a-long-password");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK, "setup signs the new admin in");

        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var again = await PostSetupAsync(other, "intruder", "another-long-password");
        again.StatusCode.Should().NotBe(HttpStatusCode.Redirect, "nobody is signed in by a second setup");
        (await other.GetStringAsync("/account/setup")).Should().Contain("Already set up");

        await using var db = app.CreateDbContext();
        (await db.Users.Select(u => u.UserName).ToListAsync()).Should().Equal("first-admin");
        (await db.Users.SingleAsync()).Role.Should().Be(AppRole.Admin);
    }

    [Fact]
    public async Task SetupPage_RejectsAShortPassword()
    {
        await using var app = new ZohoJiraAppFactory().With("Sandbox:Enabled", "false").Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostSetupAsync(client, "first-admin", "short");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The password is too short.");
        await using var db = app.CreateDbContext();
        (await db.Users.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ConfiguredAdmin_IsCreatedAtStartup_AndCanSignIn()
    {
        await using var app = new ZohoJiraAppFactory()
            .With("Sandbox:Enabled", "false")
            .With("Auth:Admin:UserName", "ops")
            .With("Auth:Admin:Password", "configured-password")
            .Start();
        using var client = await app.CreateSignedInClientAsync("ops", "configured-password");
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = app.CreateDbContext();
        (await db.Users.AnyAsync(u => u.UserName == "demo-admin")).Should().BeFalse("demo accounts exist only with the sandbox");
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress()
    {
        await using var app = new ZohoJiraAppFactory().With("Auth:SignInAttemptsPerMinute", "3").Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await ZohoJiraAppFactory.PostLoginAsync(client, "demo-admin", "wrong-password")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK, "reading the form is not limited");
    }

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/setup");
        var token = form.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? ZohoJiraAppFactory.AntiforgeryToken(form) : string.Empty;
        if (token.Length == 0)
        {
            var login = await client.GetStringAsync("/account/login");
            token = ZohoJiraAppFactory.AntiforgeryToken(login);
        }

        return await client.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
    }
}
