using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Sync.Work;

/// <summary>A handler whose behaviour each test supplies.</summary>
internal sealed class DelegateHandler(string kind, Func<WorkItem, CancellationToken, Task<WorkOutcome>> handle) : IWorkHandler
{
    public string Kind { get; } = kind;

    public Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken) => handle(item, cancellationToken);

    public static DelegateHandler Succeeding(string kind, Action<WorkItem>? seen = null) =>
        new(kind, (item, _) =>
        {
            seen?.Invoke(item);
            return Task.FromResult(WorkOutcome.Succeeded);
        });
}

internal static class WorkTestSupport
{
    public static WorkQueue Queue(this ZohoJiraAppFactory app) => app.Services.GetRequiredService<WorkQueue>();

    public static WorkItemAdmin WorkAdmin(this ZohoJiraAppFactory app) => app.Services.GetRequiredService<WorkItemAdmin>();

    /// <summary>A worker over the app's queue with the given handlers (not the hosted one: tests drive it).</summary>
    public static WorkProcessor Processor(this ZohoJiraAppFactory app, params IWorkHandler[] handlers) => new(
        app.Queue(),
        handlers,
        app.Services.GetRequiredService<WorkSignal>(),
        app.Time,
        app.Services.GetRequiredService<IOptions<WorkOptions>>(),
        NullLogger<WorkProcessor>.Instance);

    public static DateTime Now(this ZohoJiraAppFactory app) => app.Time.GetUtcNow().UtcDateTime;

    public static WorkRequest Request(string key, string? orderingKey = null, string kind = "test", string payload = "{}") =>
        new(kind, key, orderingKey ?? "record:" + key, payload);

    /// <summary>Waits (real time) until the condition holds, nudging the fake clock so time-driven waits progress too.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, ZohoJiraAppFactory? clock = null, int seconds = 10)
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
            {
                return true;
            }

            clock?.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(50);
        }

        return await condition();
    }
}
