using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Common.Http;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho.Http;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Core.Zoho;

public static class ZohoServiceCollectionExtensions
{
    /// <summary>Registers the Zoho Desk client and the Zoho connection services.</summary>
    public static IServiceCollection AddZohoDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The pipeline owns timeouts, retries (idempotent calls only) and a circuit breaker per host; the clients
        // themselves never time out. Token requests are POSTs, so they are never retried, but a host that keeps failing
        // is left alone for a while.
        var resilience = configuration.GetSection("Zoho:Resilience").Get<HttpResilienceOptions>() ?? new HttpResilienceOptions();
        var tokenResilience = resilience.WithAttemptTimeout(TimeSpan.FromSeconds(30)); // a token answer is small and quick
        services.AddHttpClient(ZohoAccountsClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddVendorResilience(_ => tokenResilience);
        services.AddHttpClient(ZohoDeskClientFactory.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddVendorResilience(_ => resilience);
        services.AddSingleton<ZohoDataCenters>();
        services.AddSingleton<ZohoTokenService>();
        services.AddSingleton<ZohoCreditMonitor>();
        services.AddSingleton<ZohoDeskClientFactory>();
        services.AddSingleton<IZohoDeskClientFactory>(sp => sp.GetRequiredService<ZohoDeskClientFactory>());
        services.AddSingleton<ZohoConnectionService>();
        services.AddHttpClient(ZohoWebhookVerifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ZohoWebhookVerifier>();
        services.AddSingleton<WebhookTokenUses>();
        services.AddSingleton<ZohoWebhookSubscriptionService>();
        return services;
    }
}
