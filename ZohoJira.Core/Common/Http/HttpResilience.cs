using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ZohoJira.Core.Common.Http;

/// <summary>The retry and timeout policy every vendor client runs through <see cref="ResilientHttpHandler"/>. Only idempotent
/// requests are retried: a retried POST could create a second Jira issue or Zoho comment. Creates are made idempotent by the
/// callers (link table, comment ledger) instead.</summary>
public static class HttpResilience
{
    /// <summary>Mark a non-idempotent request as safe to retry (e.g. a POST search).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("zohojira.idempotent");

    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("zohojira.request");

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(HttpResilienceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
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

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, HttpResilienceOptions options, TimeProvider time)
    {
        if (!context.Properties.TryGetValue(RequestKey, out var request) || !IsIdempotent(request) || request.Content is StreamContent)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                && !context.CancellationToken.IsCancellationRequested;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response, time);
            return wait is null || wait <= options.MaxInlineRetryAfter;
        }

        return response.StatusCode == HttpStatusCode.RequestTimeout || status >= 500 && status != 501;
    }
}
