using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using ZohoJira.Core.Users;

namespace ZohoJira.Web.Security;

/// <summary>Builds the sign-in principal; the security stamp claim lets a changed or removed user be signed out.</summary>
public static class ClaimsFactory
{
    public const string StampClaim = "zj:stamp";

    public static ClaimsPrincipal Create(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim("display_name", user.DisplayName ?? user.UserName),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(StampClaim, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
