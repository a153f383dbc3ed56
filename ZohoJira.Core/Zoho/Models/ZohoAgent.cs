namespace ZohoJira.Core.Zoho.Models;

/// <summary>A Zoho Desk agent with the e-mail address that maps them to a Jira user. <see cref="Status"/> is Zoho's
/// ACTIVE, DISABLED, ...; <see cref="IsConfirmed"/> is false for an invited agent who has not joined yet.</summary>
public sealed record ZohoAgent(string Id, string Name, string? FirstName, string? LastName, string? Email, string? Status, bool IsConfirmed)
{
    public bool IsActive => string.Equals(Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
}
