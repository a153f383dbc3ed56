using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ZohoJira.Core.Common.Http;

/// <summary>The retry, timeout and circuit-breaker policy every vendor client runs through
/// (<c>Microsoft.Extensions.Http.Resilience</c>). Only idempotent requests are retried: a retried POST could create a
/// second Jira issue or Zoho comment, and a streamed body cannot be sent twice. Creates are made idempotent by the
/// callers (link table, comment ledger) instead. Each vendor host (authority) gets its own pipeline, so one failing
/// Zoho data center or Jira site never stops calls to another.</summary>
public static class HttpResilience
{
    /// <summary>The name of the resilience handler on each vendor client.</summary>
    public const string PipelineName = "vendor";

    /// <summary>Mark a non-idempotent request as safe to retry (e.g. a POST search).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("zohojira.idempotent");

    /// <summary>Adds the vendor policy to a client, one pipeline per host. Set that client's <c>Timeout</c> to infinite:
    /// the pipeline owns timeouts.</summary>
    public static IHttpClientBuilder AddVendorResilience(this IHttpClientBuilder builder, Func<ResilienceHandlerContext, HttpResilienceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
                Configure(pipeline, options(context), context.ServiceProvider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();
        return builder;
    }

    /// <summary>Retry (outermost), then the host's circuit breaker, then the per-attempt timeout.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HttpResilienceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        pipeline.TimeProvider = time;
        return pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                ShouldRetryAfterHeader = false, // replaced by the DelayGenerator below, which knows the caller's limit
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsHostFailure(args.Context, args.Outcome)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Timeout = options.AttemptTimeout,
                TimeoutGenerator = args => ValueTask.FromResult(
                    IsStreamed(args.Context.GetRequestMessage()?.Content) ? options.UploadAttemptTimeout : options.AttemptTimeout),
            });
    }

    /// <summary>Whether the method may be repeated without changing the result.</summary>
    public static bool IsIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Idempotent, out var marked) && marked)
        {
            return true;
        }

        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
    }

    /// <summary>The wait a response asks for (<c>Retry-After</c> as seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>True for the exception a per-attempt timeout ends in.</summary>
    public static bool IsTimeout(Exception exception) => exception is TimeoutRejectedException;

    /// <summary>True for the exception a call ends in while its host's circuit is open.</summary>
    public static bool IsCircuitOpen(Exception exception) => exception is BrokenCircuitException;

    /// <summary>A body that is read as it is sent (a file upload) cannot be sent a second time.</summary>
    private static bool IsStreamed(HttpContent? content) => content switch
    {
        StreamContent => true,
        MultipartContent parts => parts.Any(IsStreamed),
        _ => false,
    };

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, HttpResilienceOptions options, TimeProvider time)
    {
        if (context.GetRequestMessage() is not { } request || !IsIdempotent(request) || IsStreamed(request.Content))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                && !context.CancellationToken.IsCancellationRequested;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response, time);
            return wait is null || wait <= options.MaxInlineRetryAfter;
        }

        return IsServerFailure(response.StatusCode);
    }

    /// <summary>What counts against a host: it could not be reached, did not answer in time, or failed on its side. Rate
    /// limiting does not: the host is up and says when to come back.</summary>
    private static bool IsHostFailure(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                && !context.CancellationToken.IsCancellationRequested;
        }

        return IsServerFailure(outcome.Result!.StatusCode);
    }

    private static bool IsServerFailure(HttpStatusCode status) =>
        status == HttpStatusCode.RequestTimeout || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);
}
