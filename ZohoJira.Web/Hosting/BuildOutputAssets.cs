namespace ZohoJira.Web.Hosting;

/// <summary>Package static assets (<c>_framework/blazor.web.js</c>, <c>_content/MudBlazor/*</c>) of an app that runs from
/// its build output live in the NuGet cache, listed by the build's static web assets manifest. ASP.NET Core reads that
/// manifest by itself only in Development; <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> would otherwise serve a
/// dead UI. Published output has the files in wwwroot and no such manifest, so nothing changes there.</summary>
internal static class BuildOutputAssets
{
    /// <summary>The manifest the build writes beside the entry assembly; publish does not copy it.</summary>
    public static string ManifestPath(IWebHostEnvironment environment) =>
        Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.runtime.json");

    /// <summary>Serves package assets from the build's manifest when running from build output outside Development.</summary>
    public static void UseWhenRunningFromBuild(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() && File.Exists(ManifestPath(builder.Environment)))
        {
            builder.WebHost.UseStaticWebAssets();
        }
    }
}
