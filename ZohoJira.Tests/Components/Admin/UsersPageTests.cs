using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Users;
using ZohoJira.Web.Components.Admin.Users;

namespace ZohoJira.Tests.Components.Admin;

public sealed class UsersPageTests(ComponentAppFixture fixture) : IClassFixture<ComponentAppFixture>
{
    private UserService Users => fixture.App.Services.GetRequiredService<UserService>();

    [Fact]
    public async Task AddingWithoutNameOrPassword_ShowsBothMessages_AndCreatesNobody()
    {
        await using var host = new ComponentHost(fixture.App);
        var before = (await Users.ListAsync()).Count;
        var page = host.Render<UsersPage>();

        page.Find("#add-user-form").Submit();

        page.WaitForAssertion(() => page.Markup.Should().Contain("Enter a user name.").And.Contain("Enter a password."));
        (await Users.ListAsync()).Should().HaveCount(before);
    }

    [Fact]
    public async Task AddingAUser_StoresIt_ListsIt_AndClearsTheForm()
    {
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<UsersPage>();

        page.Find("#new-username").Change("grid-added");
        page.Find("#new-displayname").Change("Added In The Grid");
        page.Find("#new-password").Change("grid-added-pass");
        page.Find("#add-user-form").Submit();

        page.WaitForAssertion(() => page.Find("#users-grid").TextContent.Should().Contain("grid-added").And.Contain("Added In The Grid"));
        page.Find("#new-username").GetAttribute("value").Should().BeNullOrEmpty("the form starts over for the next user");
        host.SnackbarMessages.Should().Contain(m => m.Contains("grid-added can now sign in", StringComparison.Ordinal));
        (await Users.ValidateCredentialsAsync("grid-added", "grid-added-pass")).Should().NotBeNull();
    }

    [Fact]
    public async Task ATakenName_IsExplainedInTheForm()
    {
        await Users.CreateAsync("taken-name", null, "taken-name-pass", AppRole.User);
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<UsersPage>();

        page.Find("#new-username").Change("taken-name");
        page.Find("#new-password").Change("another-pass-123");
        page.Find("#add-user-form").Submit();

        page.WaitForAssertion(() => page.Find("#user-form-error").TextContent.Should().NotBeNullOrWhiteSpace());
        page.Find("#user-form-error").TextContent.Should().Contain("taken-name");
    }

    [Fact]
    public async Task Removing_AsksFirst_ThenRemoves()
    {
        await Users.CreateAsync("to-remove", null, "to-remove-pass", AppRole.User);
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<UsersPage>();

        page.WaitForAssertion(() => page.Find("#remove-to-remove").Click());
        host.ClickDialogButton("Cancel");
        page.WaitForAssertion(() => host.Dialogs.FindAll(".mud-dialog").Should().BeEmpty());
        (await Users.ListAsync()).Should().Contain(u => u.UserName == "to-remove", "cancel keeps the user");

        page.Find("#remove-to-remove").Click();
        host.ClickDialogButton("Remove");

        page.WaitForAssertion(() => page.Find("#users-grid").TextContent.Should().NotContain("to-remove"));
        (await Users.ListAsync()).Should().NotContain(u => u.UserName == "to-remove");
    }

    [Fact]
    public async Task ResettingAPassword_RefusesAShortOne_ThenSetsIt()
    {
        await Users.CreateAsync("to-reset", null, "to-reset-pass", AppRole.User);
        await using var host = new ComponentHost(fixture.App);
        var page = host.Render<UsersPage>();

        page.WaitForAssertion(() => page.Find("#reset-to-reset").Click());
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Find("#reset-password"));
        host.Dialogs.Find("#reset-password").Input("short");
        host.Dialogs.Find("#reset-password-submit").Click();
        host.Dialogs.WaitForAssertion(() => host.Dialogs.Markup.Should().Contain("at least"));
        (await Users.ValidateCredentialsAsync("to-reset", "to-reset-pass")).Should().NotBeNull("nothing changed yet");

        host.Dialogs.Find("#reset-password").Input("a-long-new-password");
        host.Dialogs.Find("#reset-password-submit").Click();

        await WaitUntilAsync(async () => await Users.ValidateCredentialsAsync("to-reset", "a-long-new-password") is not null);
        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain(m => m.Contains("password of to-reset was reset", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChangingTheRoleOfTheLastAdmin_IsRefusedWithAMessage()
    {
        await using var host = new ComponentHost(fixture.App);
        await using (var db = fixture.App.CreateDbContext())
        {
            (await db.Users.CountAsync(u => u.Role == AppRole.Admin)).Should().Be(1, "the sandbox has one administrator");
        }

        var page = host.Render<UsersPage>();
        page.WaitForAssertion(() => page.Find("#users-grid").TextContent.Should().Contain("demo-admin"));

        // The role picker's own callback, as choosing "User" in its list would call it.
        var select = page.FindComponents<MudBlazor.MudSelect<AppRole>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("id", out var id) && Equals(id, "role-demo-admin"));
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(AppRole.User));

        page.WaitForAssertion(() => host.SnackbarMessages.Should().Contain(m => m.StartsWith("Not changed", StringComparison.Ordinal)));
        await using (var db = fixture.App.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.UserName == "demo-admin")).Role.Should().Be(AppRole.Admin);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not become true.");
    }
}
