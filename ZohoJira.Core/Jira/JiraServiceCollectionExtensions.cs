using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common.Http;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Http;

namespace ZohoJira.Core.Jira;

public static class JiraServiceCollectionExtensions
{
    /// <summary>The configuration section of the Jira client's retry policy (<see cref="HttpResilienceOptions"/>).</summary>
    public const string HttpSectionName = "Jira:Http";

    /// <summary>Registers the Jira Cloud client and the Jira connection services.</summary>
    public static IServiceCollection AddJira(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<HttpResilienceOptions>(JiraHttp.ClientName, configuration.GetSection(HttpSectionName));

        // The pipeline owns timeouts, retries (idempotent calls only) and a circuit breaker per Jira site. Redirects are never followed by the handler:
        // Jira redirects attachment downloads to another host, and the client decides what to do (our credentials are
        // for the site only).
        services.AddHttpClient(JiraHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddVendorResilience(context => context.ServiceProvider.GetRequiredService<IOptionsMonitor<HttpResilienceOptions>>().Get(JiraHttp.ClientName));
        services.AddSingleton<IJiraClientFactory, JiraClientFactory>();
        services.AddSingleton<JiraConnectionService>();
        return services;
    }
}
