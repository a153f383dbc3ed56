namespace ZohoJira.Web.Security;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The first administrator, created at start-up when no user of that name exists.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>How long a sign-in lasts without activity.</summary>
    public double CookieLifetimeHours { get; set; } = 12;

    /// <summary>Sign-in and first-run form posts allowed per client address and minute; more are answered 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

public sealed class AdminAccountOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }
}
