using System.Reflection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Operations;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.Outbox;
using ZohoJira.Sandbox.SandboxConsole;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Sandbox;

/// <summary>The one seam through which the web app plugs the sandbox in: services (the simulated Zoho Accounts, Zoho
/// Desk and Jira site, and <see cref="ISandboxEnvironment"/> for the product's pages) and endpoints under
/// <c>/sandbox/...</c>, and the sandbox console's pages (<see cref="PagesAssembly"/>). The product only ever sees
/// <see cref="ISandboxEnvironment"/>.</summary>
public static class SandboxRegistration
{
    /// <summary>Where the sandbox console lives (its nav entry points here).</summary>
    public const string ConsolePath = "/sandbox/console/zoho";

    /// <summary>The assembly whose routable pages (the sandbox console under <c>/sandbox/console/...</c>) the app adds to
    /// its router while the sandbox is on.</summary>
    public static Assembly PagesAssembly => typeof(SandboxRegistration).Assembly;

    public static IServiceCollection AddZohoJiraSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SandboxHostOptions>(configuration.GetSection(SandboxHostOptions.SectionName));
        services.AddZohoSandbox();
        services.AddJiraSandbox();
        services.AddSandboxConsole();
        services.AddSingleton<ISandboxEnvironment, SandboxEnvironment>();

        // Admin notices (parked work) go to the sandbox outbox instead of an SMTP server.
        services.AddSingleton<SandboxOutbox>();
        services.AddSingleton<IAdminMailer, SandboxOutboxMailer>();
        return services;
    }

    public static IEndpointRouteBuilder MapZohoJiraSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapZohoSandbox();
        endpoints.MapJiraSandbox();
        SandboxOutbox.Map(endpoints);
        return endpoints;
    }
}
