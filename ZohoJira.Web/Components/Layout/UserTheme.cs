using MudBlazor;

namespace ZohoJira.Web.Components.Layout;

/// <summary>The one theme of the app, and this circuit's light or dark choice. The choice is kept with the user (so it
/// follows them to every browser) and copied into a cookie at sign-in and on every change, so it is known while the page
/// prerenders (no flash of the wrong colors) and before anyone signs in.</summary>
public sealed class UserTheme
{
    public const string CookieName = "ZohoJira.Theme";

    public const string Dark = "dark";

    public const string Light = "light";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6feb",
            Secondary = "#6e40c9",
            AppbarBackground = "#1f2937",
            AppbarText = "#ffffff",
            Background = "#f6f8fa",
            DrawerBackground = "#ffffff",
            Error = "#b42318",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#58a6ff",
            Secondary = "#a371f7",
            AppbarBackground = "#161b22",
            Background = "#0d1117",
            Surface = "#161b22",
            DrawerBackground = "#161b22",
            Error = "#f85149",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };

    public bool IsDark { get; set; }

    /// <summary>Writes the choice into the theme cookie of the response (a year, not readable by other sites).</summary>
    public static void Remember(HttpResponse response, string theme)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, IsDarkValue(theme) ? Dark : Light, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Secure = response.HttpContext.Request.IsHttps,
        });
    }

    /// <summary>Reads the cookie value; anything but "dark" is light.</summary>
    public static bool IsDarkValue(string? cookie) => string.Equals(cookie, Dark, StringComparison.Ordinal);
}
