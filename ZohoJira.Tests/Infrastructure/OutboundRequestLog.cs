using System.Collections.Concurrent;
using System.Diagnostics;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>Records the outbound HTTP requests this process sends to one base address while it is alive, through the
/// diagnostics every HttpClient handler emits. The browser-test app calls its simulators over its own real port, so
/// this sees exactly the calls the product makes to the "vendor".</summary>
internal sealed class OutboundRequestLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _baseUrl;
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri)> _requests = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public OutboundRequestLog(string baseUrl)
    {
        _baseUrl = baseUrl;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>How many requests with this method went to a path ending in <paramref name="pathSuffix"/>.</summary>
    public int Count(HttpMethod method, string pathSuffix) =>
        _requests.Count(r => r.Method == method && r.Uri.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "System.Net.Http.HttpRequestOut.Start"
            && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri } request
            && uri.ToString().StartsWith(_baseUrl, StringComparison.OrdinalIgnoreCase))
        {
            _requests.Enqueue((request.Method, uri));
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
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
