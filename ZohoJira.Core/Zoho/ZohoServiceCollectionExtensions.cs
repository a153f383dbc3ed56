using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
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
        services.AddHttpClient(ZohoAccountsClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        // The pipeline owns timeouts and retries (idempotent calls only); the client itself never times out.
        var resilience = configuration.GetSection("Zoho:Resilience").Get<HttpResilienceOptions>() ?? new HttpResilienceOptions();
        services.AddKeyedSingleton(ZohoDeskClientFactory.HttpClientName,
            (sp, _) => HttpResilience.CreatePipeline(resilience, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(ZohoDeskClientFactory.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new ResilientHttpHandler(
                sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(ZohoDeskClientFactory.HttpClientName)));
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
