using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace ZohoJira.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>What admins and operators watch: activity, problems, health, the dashboard, pause, metrics, vendor call
    /// counts and parked-work notifications.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddSingleton<SyncProblemService>();
        services.AddSingleton<SyncHealthService>();
        services.AddSingleton<ActivityQueryService>();
        services.AddSingleton<ConnectorPauseService>();
        services.AddSingleton<SyncDashboardService>();
        services.AddSingleton<SyncMetrics>();
        services.AddSingleton<VendorCallTally>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, VendorCallHandlerFilter>());

        services.Configure<ParkedNotificationOptions>(configuration.GetSection(ParkedNotificationOptions.SectionName));
        services.TryAddSingleton<IAdminMailer, SmtpAdminMailer>(); // the sandbox puts its outbox here instead
        services.AddHttpClient(ParkedNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ParkedNotifier>();
        services.AddHostedService<ParkedNotificationHostedService>();
        return services;
    }
}
