using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ZohoJira.Core.Users;

namespace ZohoJira.Web.Security;

/// <summary>Rejects a sign-in cookie whose user was removed, or whose password or role changed since it was issued.</summary>
public sealed class SecurityStampValidator(UserService users) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await users.GetStampAsync(userId, context.HttpContext.RequestAborted) is not { } current
            || current.Stamp != principal.FindFirstValue(ClaimsFactory.StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
