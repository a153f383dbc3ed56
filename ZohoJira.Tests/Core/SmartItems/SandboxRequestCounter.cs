using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Tests.Core.SmartItems;

/// <summary>Counts the requests one app's in-process simulators answer, through ASP.NET Core's hosting diagnostics. Only
/// requests served by the app whose simulator state is the one given count, so parallel test apps do not
/// disturb the figures.</summary>
internal sealed class SandboxRequestCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ZohoSandboxState _state;
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly ConcurrentQueue<(string Method, string Route)> _routes = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public SandboxRequestCounter(ZohoSandboxState state)
    {
        _state = state;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Requests to a simulator path that starts with <paramref name="prefix"/>.</summary>
    public int Count(string prefix) => _paths.Count(p => p.StartsWith(prefix, StringComparison.Ordinal));

    public IReadOnlyList<string> Paths => [.. _paths];

    /// <summary>Each answered request's method and the route template it matched (e.g.
    /// <c>/sandbox/zoho/desk/api/v1/tickets/{ticketId}</c>).</summary>
    public IReadOnlyList<(string Method, string Route)> Routes => [.. _routes];

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
        if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" && value.Value is HttpContext context
            && context.Request.Path.StartsWithSegments("/sandbox", StringComparison.Ordinal)
            && ReferenceEquals(context.RequestServices?.GetService<ZohoSandboxState>(), _state))
        {
            _paths.Enqueue(context.Request.Path.Value!);
        }
        else if (value.Key == "Microsoft.AspNetCore.Routing.EndpointMatched" && value.Value is HttpContext done
            && done.GetEndpoint() is Microsoft.AspNetCore.Routing.RouteEndpoint { RoutePattern.RawText: { } route }
            && ReferenceEquals(done.RequestServices?.GetService<ZohoSandboxState>(), _state))
        {
            _routes.Enqueue((done.Request.Method, route));
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
