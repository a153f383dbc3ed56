using System.Globalization;
using System.Net;
using System.Text.Json;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Http.Wire;

namespace ZohoJira.Core.Jira.Http;

/// <summary>Turns a failed Jira response into the one exception type: status → category, Jira's
/// <c>{errorMessages, errors}</c> body → message, <c>Retry-After</c> and <c>RateLimit-Reason</c> → retry hints.</summary>
internal static class JiraErrorClassifier
{
    public const string FieldErrorsKey = "jira.errors";

    private const int MaxBodyChars = 8_192;

    public static FailureCategory Classify(HttpStatusCode status) => (int)status switch
    {
        401 => FailureCategory.Authentication,
        403 => FailureCategory.Permission,
        404 => FailureCategory.NotFound,
        408 => FailureCategory.Timeout,
        409 => FailureCategory.Conflict,
        429 => FailureCategory.RateLimited,
        400 or 405 or 413 or 415 or 416 or 422 => FailureCategory.Validation,
        >= 500 => FailureCategory.Transient,
        _ => FailureCategory.Unknown,
    };

    public static async Task<ExternalApiException> ToExceptionAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return ToException(response.StatusCode, response.Headers, body, operation);
    }

    public static ExternalApiException ToException(HttpStatusCode status, System.Net.Http.Headers.HttpResponseHeaders headers, string? body, string operation)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var category = Classify(status);
        var errors = ParseErrors(body);
        var retryAfter = ReadRetryAfter(headers);
        string? reason = headers.TryGetValues("RateLimit-Reason", out var reasons) ? reasons.FirstOrDefault() : null;

        var detail = Describe(errors);
        var code = (int)status;
        var message = category switch
        {
            FailureCategory.Authentication => $"Jira rejected the credentials (401) while trying to {operation}: check the e-mail and API token.",
            FailureCategory.NotFound => $"Jira answered 404 while trying to {operation}: it does not exist or the account may not see it.{Suffix(detail)}",
            FailureCategory.Permission => $"Jira refused to {operation} (403): the account lacks a permission.{Suffix(detail)}",
            FailureCategory.RateLimited => $"Jira rate-limited the request to {operation} (429{(reason is null ? string.Empty : ", " + reason)})"
                + (retryAfter is { } r ? $"; retry after {r.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s." : "."),
            _ => $"Jira answered {code} while trying to {operation}.{Suffix(detail)}",
        };

        var exception = new ExternalApiException(ExternalSystem.Jira, category, message, code,
            category == FailureCategory.RateLimited ? reason : FirstErrorKey(errors), retryAfter);
        if (errors?.Errors is { Count: > 0 } fieldErrors)
        {
            exception.Data[FieldErrorsKey] = new Dictionary<string, string>(fieldErrors, StringComparer.Ordinal);
        }

        return exception;
    }

    internal static TimeSpan? ReadRetryAfter(System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        var retry = headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta;
        }

        if (retry?.Date is { } date && headers.Date is { } now)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    internal static WireErrorCollection? ParseErrors(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, JiraWireJsonContext.Default.WireErrorCollection);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Describe(WireErrorCollection? errors)
    {
        if (errors is null)
        {
            return null;
        }

        var parts = new List<string>();
        parts.AddRange(errors.ErrorMessages?.Where(m => !string.IsNullOrWhiteSpace(m)) ?? []);
        parts.AddRange(errors.Errors?.Select(e => $"{e.Key}: {e.Value}") ?? []);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? FirstErrorKey(WireErrorCollection? errors) => errors?.Errors?.Keys.FirstOrDefault();

    private static string Suffix(string? detail) => detail is null ? string.Empty : " " + detail;

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > MaxBodyChars ? text[..MaxBodyChars] : text;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
