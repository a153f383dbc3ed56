namespace ZohoJira.Core.Users;

/// <summary>What the user administration page shows; never the password hash or stamp.</summary>
public sealed record UserSummary(Guid Id, string UserName, string? DisplayName, AppRole Role, DateTime CreatedAt, DateTime? LastSignInAt);
