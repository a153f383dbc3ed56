using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Users;

/// <summary>Accounts, passwords and roles. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed partial class UserService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IPasswordHasher<AppUser> hasher,
    TimeProvider time,
    ILogger<UserService> logger)
{
    public const int MinimumPasswordLength = 10;

    public async Task<bool> AdminExistsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Role == AppRole.Admin, cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedUserName)
            .Select(u => new UserSummary(u.Id, u.UserName, u.DisplayName, u.Role, u.CreatedAt, u.LastSignInAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Returns the user when the name and password match, else null. Does not reveal which of the two was wrong.</summary>
    public async Task<AppUser?> ValidateCredentialsAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            // Spend the same effort as a real check so timing does not reveal which names exist.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            LogSignInFailed(logger);
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            LogSignInFailed(logger);
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.LastSignInAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public async Task<AppUser> CreateAsync(string userName, string? displayName, string password, AppRole role, CancellationToken cancellationToken = default)
    {
        userName = ValidateUserName(userName);
        ValidatePassword(password);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            throw new UserValidationException($"A user named '{userName}' already exists.");
        }

        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = normalized,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            PasswordHash = string.Empty,
            Role = role,
            SecurityStamp = NewStamp(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new UserValidationException($"A user named '{userName}' already exists.");
        }

        LogUserCreated(logger, userName, role);
        return user;
    }

    /// <summary>Creates the first administrator; refused once any administrator exists.</summary>
    public async Task<AppUser> CreateFirstAdminAsync(string userName, string? displayName, string password, CancellationToken cancellationToken = default)
    {
        if (await AdminExistsAsync(cancellationToken))
        {
            throw new UserValidationException("An administrator already exists; sign in instead.");
        }

        return await CreateAsync(userName, displayName, password, AppRole.Admin, cancellationToken);
    }

    public async Task ResetPasswordAsync(Guid userId, string newPassword, CancellationToken cancellationToken = default)
    {
        ValidatePassword(newPassword);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, userId, cancellationToken);
        user.PasswordHash = hasher.HashPassword(user, newPassword);
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        LogPasswordReset(logger, user.UserName);
    }

    /// <summary>Remembers the user's light or dark choice; an unknown user (removed meanwhile) is ignored.</summary>
    public async Task SetThemeAsync(Guid userId, bool dark, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var theme = dark ? "dark" : "light";
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Theme, theme), cancellationToken);
    }

    public async Task SetRoleAsync(Guid userId, AppRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, userId, cancellationToken);
        if (user.Role == role)
        {
            return;
        }

        if (user.Role == AppRole.Admin && await db.Users.CountAsync(u => u.Role == AppRole.Admin, cancellationToken) == 1)
        {
            throw new UserValidationException("This is the only administrator; make another user an administrator first.");
        }

        user.Role = role;
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        LogRoleChanged(logger, user.UserName, role);
    }

    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, userId, cancellationToken);
        if (user.Role == AppRole.Admin && await db.Users.CountAsync(u => u.Role == AppRole.Admin, cancellationToken) == 1)
        {
            throw new UserValidationException("This is the only administrator and cannot be removed.");
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        LogUserDeleted(logger, user.UserName);
    }

    /// <summary>Removes the named accounts if they exist, even the last administrator (then first-run setup applies again).
    /// Used at start-up to take the sandbox's public demo accounts away once the sandbox is off. Returns how many went.</summary>
    public async Task<int> RemoveByNameAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var normalized = userNames.Select(Normalize).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.Where(u => normalized.Contains(u.NormalizedUserName)).ToListAsync(cancellationToken);
        db.Users.RemoveRange(users);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in users)
        {
            LogUserDeleted(logger, user.UserName);
        }

        return users.Count;
    }

    /// <summary>The current stamp of a user, or null when the user no longer exists; sign-in cookies are checked against it.</summary>
    public async Task<(string Stamp, AppRole Role)?> GetStampAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.Role })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.SecurityStamp, row.Role);
    }

    /// <summary>Creates the user when the name is free; used for configured and demo accounts at start-up.</summary>
    public async Task<bool> EnsureUserAsync(string userName, string? displayName, string password, AppRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return false;
        }

        await CreateAsync(userName, displayName, password, role, cancellationToken);
        return true;
    }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    private static async Task<AppUser> FindAsync(ZohoJiraDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
        ?? throw new UserValidationException("That user no longer exists.");

    private static string ValidateUserName(string userName)
    {
        var trimmed = userName?.Trim() ?? string.Empty;
        if (trimmed.Length is < 3 or > 128)
        {
            throw new UserValidationException("The user name must be 3 to 128 characters long.");
        }

        if (trimmed.Any(char.IsWhiteSpace) || trimmed.Any(char.IsControl))
        {
            throw new UserValidationException("The user name cannot contain spaces.");
        }

        return trimmed;
    }

    private static void ValidatePassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            throw new UserValidationException($"The password must be at least {MinimumPasswordLength} characters long.");
        }

        if (password.Length > 256)
        {
            throw new UserValidationException("The password must be at most 256 characters long.");
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static readonly AppUser DummyUser = new()
    {
        UserName = "-",
        NormalizedUserName = "-",
        PasswordHash = "-",
        SecurityStamp = "-",
    };

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(DummyUser, Guid.NewGuid().ToString());

    [LoggerMessage(LogLevel.Information, "Sign-in refused: unknown user or wrong password")]
    private static partial void LogSignInFailed(ILogger logger);

    [LoggerMessage(LogLevel.Information, "User {UserName} created with role {Role}")]
    private static partial void LogUserCreated(ILogger logger, string userName, AppRole role);

    [LoggerMessage(LogLevel.Information, "Password of {UserName} reset")]
    private static partial void LogPasswordReset(ILogger logger, string userName);

    [LoggerMessage(LogLevel.Information, "Role of {UserName} changed to {Role}")]
    private static partial void LogRoleChanged(ILogger logger, string userName, AppRole role);

    [LoggerMessage(LogLevel.Information, "User {UserName} removed")]
    private static partial void LogUserDeleted(ILogger logger, string userName);
}
