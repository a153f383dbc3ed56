using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ZohoJira.Bench;

/// <summary>Counts the requests the in-process simulators answer, by method, path prefix and status, through ASP.NET
/// Core's hosting diagnostics (the bench runs one app at a time).</summary>
internal sealed class SandboxTraffic : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _answered = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public SandboxTraffic() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Successful changes (not GET) under <paramref name="prefix"/>, optionally only to paths ending in
    /// <paramref name="suffix"/>.</summary>
    public int Writes(string prefix, string? suffix = null) => _answered.Count(r =>
        r.Method != "GET" && r.Status is >= 200 and < 300 && r.Path.StartsWith(prefix, StringComparison.Ordinal)
        && (suffix is null || r.Path.EndsWith(suffix, StringComparison.Ordinal)));

    public void Reset() => _answered.Clear();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.AspNetCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Stop" && value.Value is HttpContext context
            && context.Request.Path.StartsWithSegments("/sandbox", StringComparison.Ordinal))
        {
            _answered.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Response.StatusCode));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions)
            {
                s.Dispose();
            }
        }
    }
}
