namespace ZohoJira.Core.Users;

/// <summary>A person who signs in to ZohoJira.</summary>
public sealed class AppUser
{
    public Guid Id { get; set; }

    /// <summary>The name typed at sign-in, as entered.</summary>
    public required string UserName { get; set; }

    /// <summary>Upper-invariant form of <see cref="UserName"/>, unique.</summary>
    public required string NormalizedUserName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity password hash (PBKDF2, versioned format).</summary>
    public required string PasswordHash { get; set; }

    public AppRole Role { get; set; }

    /// <summary>Changes whenever the password or role changes, or the user is removed; sign-in cookies carry it and are
    /// refused once it no longer matches.</summary>
    public required string SecurityStamp { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>The user's light or dark choice ("light" / "dark"), or null when never chosen. Kept with the user so it
    /// follows them to every browser they sign in from.</summary>
    public string? Theme { get; set; }
}
