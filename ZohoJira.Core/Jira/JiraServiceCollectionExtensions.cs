using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Jira.Http;

namespace ZohoJira.Core.Jira;

public static class JiraServiceCollectionExtensions
{
    /// <summary>Registers the Jira Cloud client and the Jira connection services.</summary>
    public static IServiceCollection AddJira(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Redirects are never followed by the handler: Jira redirects attachment downloads to another host, and the
        // client decides itself what to do (our credentials are for the site only).
        services.AddHttpClient(JiraHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(100))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IJiraClientFactory, JiraClientFactory>();
        return services;
    }
}
