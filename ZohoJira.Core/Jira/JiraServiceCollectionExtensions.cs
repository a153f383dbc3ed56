using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Jira;

public static class JiraServiceCollectionExtensions
{
    /// <summary>Registers the Jira Cloud client and the Jira connection services.</summary>
    public static IServiceCollection AddJira(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
