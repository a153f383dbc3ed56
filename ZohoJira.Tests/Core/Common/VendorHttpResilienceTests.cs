using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using ZohoJira.Core.Common.Http;

namespace ZohoJira.Tests.Core.Common;

/// <summary>The vendor policy as the clients get it: a named HttpClient with <see cref="HttpResilience.AddVendorResilience"/>
/// in front of a scripted far end.</summary>
public sealed class VendorHttpResilienceTests
{
    private static readonly HttpResilienceOptions FastOptions = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        UploadAttemptTimeout = TimeSpan.FromSeconds(10),
        MaxInlineRetryAfter = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Get_ServerErrorsThenSuccess_IsRetriedUntilSuccess()
    {
        var (client, inner) = Create(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.OK));
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Post_ServerError_IsNeverRetried()
    {
        var (client, inner) = Create(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.OK));
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://vendor/x") { Content = new StringContent("{}") });
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetried()
    {
        var (client, inner) = Create(Status(HttpStatusCode.InternalServerError), Status(HttpStatusCode.OK));
        var request = new HttpRequestMessage(HttpMethod.Post, "http://vendor/search") { Content = new StringContent("{}") };
        request.Options.Set(HttpResilience.Idempotent, true);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(2);
    }

    [Fact]
    public async Task Put_StreamedBody_IsNeverSentTwice()
    {
        var (client, inner) = Create(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.OK));
        using var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream([1, 2, 3])), "file", "a.bin" } };
        var request = new HttpRequestMessage(HttpMethod.Put, "http://vendor/upload") { Content = form };
        request.Options.Set(HttpResilience.Idempotent, true);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Upload_SlowerThanTheAttemptTimeout_IsAllowedToFinish()
    {
        var (client, inner) = Create(async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(900), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream(new byte[1024])), "file", "big.bin" } };

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://vendor/upload") { Content = form });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "an upload gets the upload timeout, not the 300 ms attempt timeout");
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Get_TooManyRequestsWithShortRetryAfter_WaitsAndRetries()
    {
        // Fake time: the wait is a timer of the pipeline's TimeProvider, so the test moves the clock instead of sleeping.
        var time = new WatchedTime();
        var inner = new ScriptedHandler([RateLimited(TimeSpan.FromSeconds(1)), Status(HttpStatusCode.OK)], time);
        var client = CreateClient(inner, FastOptions, time);

        var call = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"));
        await WaitUntilAsync(() => time.DueTimes.Contains(TimeSpan.FromSeconds(1)));
        time.Advance(TimeSpan.FromMilliseconds(999));
        inner.Calls.Should().Be(1, "the Retry-After of one second has not passed yet");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => call.IsCompleted);

        (await call).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(2);
        inner.Gaps[0].Should().Be(TimeSpan.FromSeconds(1), "the Retry-After of one second was honoured to the tick");
    }

    [Fact]
    public async Task Get_TooManyRequestsWithLongRetryAfter_IsReturnedToTheCaller()
    {
        var (client, inner) = Create(RateLimited(TimeSpan.FromSeconds(60)), Status(HttpStatusCode.OK));
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"));
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        HttpResilience.RetryAfter(response, TimeProvider.System).Should().Be(TimeSpan.FromSeconds(60));
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Get_NetworkFailureAndTimeout_AreRetried()
    {
        var (client, inner) = Create(
            _ => throw new HttpRequestException("connection reset"),
            async ct =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return new HttpResponseMessage(HttpStatusCode.OK);
            },
            Status(HttpStatusCode.OK));
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"))).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Get_FailingEveryTime_GivesUpAfterTheRetries()
    {
        var (client, inner) = Create(Enumerable.Repeat(Status(HttpStatusCode.ServiceUnavailable), 10).ToArray());
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        inner.Calls.Should().Be(4);
    }

    [Fact]
    public async Task Get_ClientError_IsNotRetried()
    {
        var (client, inner) = Create(Status(HttpStatusCode.BadRequest), Status(HttpStatusCode.OK));
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task FailingHost_OpensItsOwnCircuit_AndLeavesOtherHostsAlone()
    {
        var options = new HttpResilienceOptions
        {
            MaxRetries = 1,
            BaseDelay = TimeSpan.Zero, // no backoff timer: the clock below only moves when the test says so
            CircuitMinimumThroughput = 4,
            CircuitFailureRatio = 0.5,
            CircuitBreakDuration = TimeSpan.FromMinutes(1),
        };
        var time = new FakeTimeProvider();
        var inner = new HostHandler(host => host == "down.example" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        var client = CreateClient(inner, options, time);

        // Two calls of two attempts each: four failures on the down host open its circuit.
        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync("https://down.example/x")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        var reachedBefore = inner.CallsTo("down.example");
        var refused = async () => await client.GetAsync("https://down.example/x");
        await refused.Should().ThrowAsync<BrokenCircuitException>();
        inner.CallsTo("down.example").Should().Be(reachedBefore, "an open circuit does not call the host");

        var other = await client.GetAsync("https://up.example/x");
        other.StatusCode.Should().Be(HttpStatusCode.OK, "another host has its own circuit, still closed");
        inner.CallsTo("up.example").Should().Be(1);

        // Once the break is over, one trial call reaches the host; it fails, so the circuit opens again at once.
        time.Advance(options.CircuitBreakDuration);
        var trial = async () => await client.GetAsync("https://down.example/x");
        await trial.Should().ThrowAsync<BrokenCircuitException>();
        inner.CallsTo("down.example").Should().Be(reachedBefore + 1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }

    private static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status) =>
        _ => Task.FromResult(new HttpResponseMessage(status));

    private static Func<CancellationToken, Task<HttpResponseMessage>> RateLimited(TimeSpan retryAfter) => _ =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return Task.FromResult(response);
    };

    private static (HttpClient Client, ScriptedHandler Inner) Create(params Func<CancellationToken, Task<HttpResponseMessage>>[] script)
    {
        var inner = new ScriptedHandler(script, TimeProvider.System);
        return (CreateClient(inner, FastOptions, TimeProvider.System), inner);
    }

    private static HttpClient CreateClient(HttpMessageHandler inner, HttpResilienceOptions options, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddHttpClient("vendor", c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => inner)
            .AddVendorResilience(_ => options);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("vendor");
    }

    /// <summary>The far end of the wire: answers each attempt from a script and records when it was called.</summary>
    private sealed class ScriptedHandler(Func<CancellationToken, Task<HttpResponseMessage>>[] script, TimeProvider time) : HttpMessageHandler
    {
        private readonly List<DateTimeOffset> _times = [];

        public int Calls => _times.Count;

        public IReadOnlyList<TimeSpan> Gaps => _times.Zip(_times.Skip(1), (a, b) => b - a).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _times.Add(time.GetUtcNow());
            return script[Math.Min(_times.Count - 1, script.Length - 1)](cancellationToken);
        }
    }

    /// <summary>Fake time that records the due time of every timer made from it, so a test knows a wait has begun.</summary>
    private sealed class WatchedTime : FakeTimeProvider
    {
        public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            DueTimes.Enqueue(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>Several vendor hosts behind one client: each answers with a fixed status and counts its calls.</summary>
    private sealed class HostHandler(Func<string, HttpStatusCode> statusOf) : HttpMessageHandler
    {
        private readonly Dictionary<string, int> _calls = [];

        public int CallsTo(string host) => _calls.GetValueOrDefault(host);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var host = request.RequestUri!.Host;
            _calls[host] = CallsTo(host) + 1;
            return Task.FromResult(new HttpResponseMessage(statusOf(host)));
        }
    }
}
