namespace ZohoJira.Core.Users;

/// <summary>The two roles: administrators configure the connector, users work in the issue panel.</summary>
public enum AppRole
{
    User = 0,
    Admin = 1,
}
