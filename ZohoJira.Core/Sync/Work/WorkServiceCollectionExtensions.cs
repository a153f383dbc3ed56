using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Sync.Work;

public static class WorkServiceCollectionExtensions
{
    /// <summary>Durable work: the queue, admin actions, retry policy, the in-process signal, workers and the hosted
    /// service that runs <c>Sync:Workers</c> of them. Handlers register themselves as <see cref="IWorkHandler"/>.</summary>
    public static IServiceCollection AddDurableWork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WorkOptions>(configuration.GetSection(WorkOptions.SectionName));
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<WorkItemAdmin>();
        services.AddTransient<WorkProcessor>();
        services.AddHostedService<WorkHostedService>();
        return services;
    }
}
