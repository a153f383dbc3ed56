using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Users;
using ZohoJira.Sandbox;
using ZohoJira.Web.Components;
using ZohoJira.Web.Components.Admin.SmartItems;
using ZohoJira.Web.Endpoints;
using ZohoJira.Web.Hosting;
using ZohoJira.Web.Security;

namespace ZohoJira.Web;

public static partial class WebApplicationExtensions
{
    /// <summary>Start-up work before the host listens: migrations, the configured admin, the demo accounts.</summary>
    public static async Task PrepareZohoJiraAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ZohoJira.Startup");

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        var users = services.GetRequiredService<UserService>();
        var admin = services.GetRequiredService<IOptions<AuthOptions>>().Value.Admin;
        if (!string.IsNullOrWhiteSpace(admin.UserName) && !string.IsNullOrEmpty(admin.Password)
            && await users.EnsureUserAsync(admin.UserName, admin.DisplayName, admin.Password, AppRole.Admin))
        {
            LogConfiguredAdmin(logger, admin.UserName);
        }

        var sandbox = services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        if (sandbox.Enabled)
        {
            foreach (var demo in DemoAccounts.All)
            {
                await users.EnsureUserAsync(demo.UserName, demo.DisplayName, demo.Password, demo.Role);
            }

            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
                var url = addresses?.FirstOrDefault() ?? "(see the listening address above)";
                LogSandboxReady(logger, url, DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password,
                    DemoAccounts.User.UserName, DemoAccounts.User.Password);
            });
        }
        else
        {
            // Their passwords are public: a database once used with the sandbox must not keep them.
            if (await users.RemoveByNameAsync(DemoAccounts.All.Select(d => d.UserName)) > 0)
            {
                LogDemoAccountsRemoved(logger);
            }

            if (!await users.AdminExistsAsync())
            {
                LogFirstRun(logger);
            }
        }

        if (await services.GetRequiredService<ZohoConnectionService>().ProtectWebhookUrlTokensAsync() > 0)
        {
            LogUrlTokenProtected(logger);
        }
    }

    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UseZohoJira(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapSmartItemExport();
        app.MapZohoWebhooks();
        app.MapJiraWebhooks();
        var sandbox = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled;
        if (sandbox)
        {
            app.MapZohoJiraSandbox();
        }

        // The security headers set frame-ancestors (the issue panel is framed by Jira); Blazor must not replace it with 'self'.
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        if (sandbox)
        {
            pages.AddAdditionalAssemblies(SandboxRegistration.PagesAssembly);
        }
        return app;
    }

    [LoggerMessage(LogLevel.Information, "Created the configured administrator {UserName}")]
    private static partial void LogConfiguredAdmin(ILogger logger, string userName);

    [LoggerMessage(LogLevel.Warning,
        "ZohoJira sandbox ready at {Url} - sign in as {AdminName} / {AdminPassword} (admin) or {UserName} / {UserPassword} (user)")]
    private static partial void LogSandboxReady(ILogger logger, string url, string adminName, string adminPassword, string userName, string userPassword);

    [LoggerMessage(LogLevel.Warning, "The sandbox is off: removed its demo accounts, whose passwords are public")]
    private static partial void LogDemoAccountsRemoved(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Encrypted the stored Zoho webhook URL token")]
    private static partial void LogUrlTokenProtected(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "No administrator exists yet: open /account/setup to create the first one (or set Auth:Admin:UserName and Auth:Admin:Password)")]
    private static partial void LogFirstRun(ILogger logger);
}
