using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Users;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Users;

public sealed class UserServiceTests : IAsyncLifetime
{
    private readonly ZohoJiraAppFactory _app = new ZohoJiraAppFactory().With("Sandbox:Enabled", "false");
    private UserService _users = default!;

    public Task InitializeAsync()
    {
        _app.Start();
        _users = _app.Services.GetRequiredService<UserService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateAsync_StoresAHashNotThePassword_AndValidates()
    {
        var user = await _users.CreateAsync("Alice", "Alice A.", "alice-password-1", AppRole.User);
        await using var db = _app.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        stored.PasswordHash.Should().NotContain("alice-password-1").And.HaveLength(84, "Identity v3 hashes are 84 characters of base64");

        (await _users.ValidateCredentialsAsync("alice", "alice-password-1")).Should().NotBeNull("user names are case-insensitive");
        (await _users.ValidateCredentialsAsync("Alice", "alice-password-2")).Should().BeNull();
        (await _users.ValidateCredentialsAsync("nobody", "alice-password-1")).Should().BeNull();
    }

    [Theory]
    [InlineData("ab", "long-enough-password", "3 to 128")]
    [InlineData("has space", "long-enough-password", "cannot contain spaces")]
    [InlineData("valid-name", "short", "at least 10")]
    public async Task CreateAsync_RejectsInvalidInput(string userName, string password, string message)
    {
        var act = () => _users.CreateAsync(userName, null, password, AppRole.User);
        (await act.Should().ThrowAsync<UserValidationException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task CreateAsync_RejectsADuplicateName()
    {
        await _users.CreateAsync("bob", null, "bob-password-1", AppRole.User);
        var act = () => _users.CreateAsync("BOB", null, "bob-password-2", AppRole.User);
        await act.Should().ThrowAsync<UserValidationException>().WithMessage("*already exists*");
    }

    [Fact]
    public async Task TheOnlyAdmin_CannotBeDemotedOrRemoved()
    {
        var admin = await _users.CreateFirstAdminAsync("root-admin", null, "root-admin-password");
        var demote = () => _users.SetRoleAsync(admin.Id, AppRole.User);
        await demote.Should().ThrowAsync<UserValidationException>();
        var remove = () => _users.DeleteAsync(admin.Id);
        await remove.Should().ThrowAsync<UserValidationException>();

        var second = await _users.CreateAsync("second-admin", null, "second-admin-password", AppRole.Admin);
        await _users.SetRoleAsync(admin.Id, AppRole.User);
        (await _users.ListAsync()).Single(u => u.Id == admin.Id).Role.Should().Be(AppRole.User);
        await _users.DeleteAsync(admin.Id);
        (await _users.ListAsync()).Select(u => u.Id).Should().Equal(second.Id);
    }

    [Fact]
    public async Task CreateFirstAdminAsync_IsRefusedOnceAnAdminExists()
    {
        await _users.CreateFirstAdminAsync("first", null, "first-admin-password");
        var act = () => _users.CreateFirstAdminAsync("second", null, "second-admin-password");
        await act.Should().ThrowAsync<UserValidationException>();
    }

    [Fact]
    public async Task ResetPasswordAsync_ChangesTheStamp_AndTheOldPasswordStopsWorking()
    {
        var user = await _users.CreateAsync("carol", null, "carol-password-1", AppRole.User);
        var before = await _users.GetStampAsync(user.Id);
        await _users.ResetPasswordAsync(user.Id, "carol-password-2");
        (await _users.GetStampAsync(user.Id))!.Value.Stamp.Should().NotBe(before!.Value.Stamp);
        (await _users.ValidateCredentialsAsync("carol", "carol-password-1")).Should().BeNull();
        (await _users.ValidateCredentialsAsync("carol", "carol-password-2")).Should().NotBeNull();
    }
}
