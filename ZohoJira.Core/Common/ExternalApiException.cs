namespace ZohoJira.Core.Common;

/// <summary>The one exception every vendor client throws: which system, what HTTP status, the vendor's own error code,
/// the failure category and, when the vendor said so, when to try again.</summary>
public sealed class ExternalApiException(
    ExternalSystem system,
    FailureCategory category,
    string message,
    int? statusCode = null,
    string? vendorErrorCode = null,
    TimeSpan? retryAfter = null,
    Exception? innerException = null)
    : Exception(message, innerException)
{
    public ExternalSystem System { get; } = system;

    public FailureCategory Category { get; } = category;

    public int? StatusCode { get; } = statusCode;

    public string? VendorErrorCode { get; } = vendorErrorCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>True when the same call may succeed later without anybody changing anything.</summary>
    public bool IsRetryable => Category is FailureCategory.RateLimited or FailureCategory.Transient or FailureCategory.Timeout;
}
