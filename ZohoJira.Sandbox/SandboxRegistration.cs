using ZohoJira.Core.Connections;
using ZohoJira.Core.Operations;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.Outbox;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Sandbox;

/// <summary>The one seam through which the web app plugs the sandbox in: services (the simulated Zoho Accounts, Zoho
/// Desk and Jira site, and <see cref="ISandboxEnvironment"/> for the product's pages) and endpoints under
/// <c>/sandbox/...</c>. The product only ever sees <see cref="ISandboxEnvironment"/>.</summary>
public static class SandboxRegistration
{
    public static IServiceCollection AddZohoJiraSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SandboxHostOptions>(configuration.GetSection(SandboxHostOptions.SectionName));
        services.AddZohoSandbox();
        services.AddJiraSandbox();
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
