using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ZohoJira.Web.Endpoints;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST carrying an antiforgery token (the layout's sign-out form).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest("The sign-out form expired; reload the page and try again.");
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/account/login?signedOut=true");
        }).DisableAntiforgery();
        return endpoints;
    }
}
