using ZohoJira.Core.Users;

namespace ZohoJira.Web.Security;

/// <summary>The demo accounts that exist while the sandbox is on. They are public on purpose: shown on the sign-in page and
/// printed at start-up, so a first `dotnet run` needs nothing else. They are never created outside the sandbox.</summary>
public static class DemoAccounts
{
    public static readonly DemoAccount Admin = new("demo-admin", "demo-admin-pass", "Demo Administrator", AppRole.Admin);

    public static readonly DemoAccount User = new("demo-user", "demo-user-pass", "Demo Support Engineer", AppRole.User);

    public static IReadOnlyList<DemoAccount> All { get; } = [Admin, User];
}

public sealed record DemoAccount(string UserName, string Password, string DisplayName, AppRole Role);
