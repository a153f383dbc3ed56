using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ZohoJira.Core.Sync.Work;

/// <summary>Runs <see cref="WorkOptions.Workers"/> worker loops on this instance (none when it is 0).</summary>
internal sealed class WorkHostedService(IServiceProvider services, IOptions<WorkOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.Workers;
        if (count <= 0)
        {
            return Task.CompletedTask;
        }

        var node = WorkProcessor.NodeName(options.Value);
        var loops = Enumerable.Range(0, count).Select(i =>
        {
            var processor = services.GetRequiredService<WorkProcessor>();
            processor.Name = $"{node}/w{i}";
            return Task.Run(() => processor.RunAsync(stoppingToken), CancellationToken.None);
        });
        return Task.WhenAll(loops);
    }
}
