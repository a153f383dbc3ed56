using System.Net;
using ZohoJira.Core.Common.Http;

namespace ZohoJira.Tests.Core.Common;

public sealed class ResilientHttpHandlerTests
{
    private static readonly HttpResilienceOptions FastOptions = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        MaxInlineRetryAfter = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Get_ServerErrorsThenSuccess_IsRetriedUntilSuccess()
    {
        var (invoker, inner) = Create(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.OK));
        var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Post_ServerError_IsNeverRetried()
    {
        var (invoker, inner) = Create(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.OK));
        var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://vendor/x") { Content = new StringContent("{}") }, default);
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetried()
    {
        var (invoker, inner) = Create(Status(HttpStatusCode.InternalServerError), Status(HttpStatusCode.OK));
        var request = new HttpRequestMessage(HttpMethod.Post, "http://vendor/search") { Content = new StringContent("{}") };
        request.Options.Set(HttpResilience.Idempotent, true);
        (await invoker.SendAsync(request, default)).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(2);
    }

    [Fact]
    public async Task Get_TooManyRequestsWithShortRetryAfter_WaitsAndRetries()
    {
        var (invoker, inner) = Create(RateLimited(TimeSpan.FromSeconds(1)), Status(HttpStatusCode.OK));
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default)).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(2);
        inner.Gaps[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "the Retry-After of one second was honoured");
    }

    [Fact]
    public async Task Get_TooManyRequestsWithLongRetryAfter_IsReturnedToTheCaller()
    {
        var (invoker, inner) = Create(RateLimited(TimeSpan.FromSeconds(60)), Status(HttpStatusCode.OK));
        var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default);
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        HttpResilience.RetryAfter(response, TimeProvider.System).Should().Be(TimeSpan.FromSeconds(60));
        inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Get_NetworkFailureAndTimeout_AreRetried()
    {
        var (invoker, inner) = Create(
            _ => throw new HttpRequestException("connection reset"),
            async ct =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return new HttpResponseMessage(HttpStatusCode.OK);
            },
            Status(HttpStatusCode.OK));
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default)).StatusCode.Should().Be(HttpStatusCode.OK);
        inner.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Get_FailingEveryTime_GivesUpAfterTheRetries()
    {
        var (invoker, inner) = Create(Enumerable.Repeat(Status(HttpStatusCode.ServiceUnavailable), 10).ToArray());
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        inner.Calls.Should().Be(4);
    }

    [Fact]
    public async Task Get_ClientError_IsNotRetried()
    {
        var (invoker, inner) = Create(Status(HttpStatusCode.BadRequest), Status(HttpStatusCode.OK));
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://vendor/x"), default)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        inner.Calls.Should().Be(1);
    }

    private static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status) =>
        _ => Task.FromResult(new HttpResponseMessage(status));

    private static Func<CancellationToken, Task<HttpResponseMessage>> RateLimited(TimeSpan retryAfter) => _ =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return Task.FromResult(response);
    };

    private static (HttpMessageInvoker Invoker, ScriptedHandler Inner) Create(params Func<CancellationToken, Task<HttpResponseMessage>>[] script)
    {
        var inner = new ScriptedHandler(script);
        var handler = new ResilientHttpHandler(HttpResilience.CreatePipeline(FastOptions, TimeProvider.System)) { InnerHandler = inner };
        return (new HttpMessageInvoker(handler), inner);
    }

    /// <summary>The far end of the wire: answers each attempt from a script and records when it was called.</summary>
    private sealed class ScriptedHandler(Func<CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
    {
        private readonly List<DateTimeOffset> _times = [];

        public int Calls => _times.Count;

        public IReadOnlyList<TimeSpan> Gaps => _times.Zip(_times.Skip(1), (a, b) => b - a).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _times.Add(TimeProvider.System.GetUtcNow());
            return script[Math.Min(_times.Count - 1, script.Length - 1)](cancellationToken);
        }
    }
}
