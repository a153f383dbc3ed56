using System.Net;
using ZohoJira.Core.Common;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Maps a Zoho Desk answer (HTTP status + errorCode) to one failure category. The errorCode wins where Zoho's
/// status is ambiguous (the same code has been seen with 401 and 403).</summary>
internal static class ZohoErrorClassifier
{
    public static FailureCategory Classify(HttpStatusCode status, string? errorCode) => errorCode switch
    {
        "INVALID_OAUTH" or "UNAUTHORIZED" or "OAUTH_ORG_MISMATCH" => FailureCategory.Authentication,
        "SCOPE_MISMATCH" or "FORBIDDEN" or "LICENSE_ACCESS_LIMITED" => FailureCategory.Permission,
        "URL_NOT_FOUND" => FailureCategory.NotFound,
        "INVALID_DATA" or "UNPROCESSABLE_ENTITY" or "EMPTY_PAYLOAD" or "BAD_REQUEST" or "RESOURCE_SIZE_EXCEEDED"
            or "UNSUPPORTED_MEDIA_TYPE" or "METHOD_NOT_ALLOWED" or "DUPLICATE_CONTRACT" => FailureCategory.Validation,
        "THRESHOLD_EXCEEDED" or "TOO_MANY_REQUESTS" => FailureCategory.RateLimited,
        "INTERNAL_SERVER_ERROR" => FailureCategory.Transient,
        _ => ClassifyStatus(status),
    };

    public static FailureCategory ClassifyStatus(HttpStatusCode status) => (int)status switch
    {
        401 => FailureCategory.Authentication,
        403 => FailureCategory.Permission,
        404 or 410 => FailureCategory.NotFound,
        // 499 ("client closed request") is what an in-process server reports once our own attempt timeout gave up.
        408 or 499 => FailureCategory.Timeout,
        409 => FailureCategory.Conflict,
        429 => FailureCategory.RateLimited,
        400 or 405 or 413 or 415 or 422 => FailureCategory.Validation,
        >= 500 => FailureCategory.Transient,
        _ => FailureCategory.Unknown,
    };

    /// <summary>The wait a 429 (or 503) asked for: <c>Retry-After</c> in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
