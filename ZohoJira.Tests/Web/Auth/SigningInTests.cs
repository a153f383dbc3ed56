using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Users;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Components.Layout;
using ZohoJira.Web.Security;

namespace ZohoJira.Tests.Web.Auth;

public sealed class SigningInTests : IClassFixture<SigningInTests.App>
{
    private readonly ZohoJiraAppFactory _app;

    public SigningInTests(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app.Factory;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/admin/scheduler")]
    [InlineData("/panel/SUP-1")]
    public async Task Anonymous_IsRedirectedToSignIn(string path)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/login").And.Contain(Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/scheduler")]
    public async Task User_IsRefusedOnAdminPages(string path)
    {
        using var client = await _app.CreateUserClientAsync();
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/access-denied");
    }

    [Theory]
    [InlineData("/admin/users", "Users")]
    [InlineData("/admin/scheduler", "Scheduler")]
    [InlineData("/", "Overview")]
    public async Task Admin_IsAllowedOnAdminPages(string path, string heading)
    {
        using var client = await _app.CreateAdminClientAsync();
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().MatchRegex($"<h1[^>]*>{heading}</h1>");
    }

    [Fact]
    public async Task User_CanOpenTheIssuePanel()
    {
        using var client = await _app.CreateUserClientAsync();
        var response = await client.GetAsync("/panel/SUP-42");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("SUP-42").And.Contain("not connected to Zoho Desk");
        html.Should().NotContain("zj-layout", "the panel uses the chromeless layout");
    }

    [Fact]
    public async Task SigningIn_BringsTheUsersOwnThemeToThisBrowser()
    {
        var users = _app.Services.GetRequiredService<UserService>();
        var user = await users.CreateAsync("theme-follower", null, "theme-follower-pass", AppRole.User);
        await users.SetThemeAsync(user.Id, dark: true);
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await ZohoJiraAppFactory.PostLoginAsync(client, "theme-follower", "theme-follower-pass");

        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(UserTheme.CookieName + "=dark;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPassword_ShowsAnErrorAndSetsNoCookie()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await ZohoJiraAppFactory.PostLoginAsync(client, DemoAccounts.Admin.UserName, "not-the-password");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The user name or password is not correct.");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("ZohoJira.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = DemoAccounts.Admin.UserName,
            ["Input.Password"] = DemoAccounts.Admin.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("https://evil.example/steal", "/")]
    [InlineData("//evil.example", "/")]
    public async Task SignIn_ReturnsOnlyToLocalAddresses(string returnUrl, string expected)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await ZohoJiraAppFactory.PostLoginAsync(client, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password, returnUrl);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        LocalPath(response).Should().Be(expected);
    }

    [Fact]
    public async Task RemovedUser_IsSignedOutOnTheNextRequest()
    {
        var users = _app.Services.GetRequiredService<UserService>();
        var user = await users.CreateAsync("short-lived", null, "short-lived-pass", AppRole.User);
        using var client = await _app.CreateSignedInClientAsync("short-lived", "short-lived-pass");
        (await client.GetAsync("/panel/SUP-1")).StatusCode.Should().Be(HttpStatusCode.OK);

        await users.DeleteAsync(user.Id);

        var after = await client.GetAsync("/panel/SUP-1");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().Should().Contain("/account/login");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await _app.CreateUserClientAsync();
        var page = await client.GetStringAsync("/panel/SUP-1");
        var home = await client.GetStringAsync("/");
        var token = ZohoJiraAppFactory.AntiforgeryToken(home);
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().Contain("SUP-1");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task HealthEndpoints_AreAnonymous_StatusOnly_AdminsSeeDatabaseAndScheduler()
    {
        using var client = _app.CreateClient();
        var live = await client.GetAsync("/health");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"Healthy\"");

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"Healthy\"}", "strangers get the status only");

        using var admin = await _app.CreateAdminClientAsync();
        var body = await admin.GetStringAsync("/health/ready");
        body.Should().Contain("\"database\"").And.Contain("\"scheduler\"").And.Contain("running");
    }

    /// <summary>The redirect target, which must stay on this app's own host.</summary>
    private static string LocalPath(HttpResponseMessage response)
    {
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        location.Host.Should().Be("localhost");
        return location.PathAndQuery;
    }

    public sealed class App : IAsyncLifetime
    {
        public ZohoJiraAppFactory Factory { get; } = new();

        public Task InitializeAsync()
        {
            Factory.Start();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
