using MudBlazor;

namespace ZohoJira.Web.Components.Layout;

/// <summary>The one theme of the app, and this circuit's light or dark choice. The choice lives in a cookie, so it is
/// remembered per browser of each user and known while the page prerenders (no flash of the wrong colors).</summary>
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

    /// <summary>Reads the cookie value; anything but "dark" is light.</summary>
    public static bool IsDarkValue(string? cookie) => string.Equals(cookie, Dark, StringComparison.Ordinal);
}
