using System.Net;
using ZohoJira.Core.Common;
using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Tests.Core.Zoho;

public class ZohoErrorClassifierTests
{
    [Theory]
    [InlineData(401, "INVALID_OAUTH", FailureCategory.Authentication)]
    [InlineData(401, "UNAUTHORIZED", FailureCategory.Authentication)]
    [InlineData(403, "OAUTH_ORG_MISMATCH", FailureCategory.Authentication)]
    [InlineData(401, "SCOPE_MISMATCH", FailureCategory.Permission)]
    [InlineData(403, "FORBIDDEN", FailureCategory.Permission)]
    [InlineData(403, "LICENSE_ACCESS_LIMITED", FailureCategory.Permission)]
    [InlineData(404, "URL_NOT_FOUND", FailureCategory.NotFound)]
    [InlineData(422, "INVALID_DATA", FailureCategory.Validation)]
    [InlineData(422, "UNPROCESSABLE_ENTITY", FailureCategory.Validation)]
    [InlineData(413, "RESOURCE_SIZE_EXCEEDED", FailureCategory.Validation)]
    [InlineData(429, "THRESHOLD_EXCEEDED", FailureCategory.RateLimited)]
    [InlineData(429, "TOO_MANY_REQUESTS", FailureCategory.RateLimited)]
    [InlineData(500, "INTERNAL_SERVER_ERROR", FailureCategory.Transient)]
    [InlineData(502, null, FailureCategory.Transient)]
    [InlineData(503, null, FailureCategory.Transient)]
    [InlineData(408, null, FailureCategory.Timeout)]
    [InlineData(499, null, FailureCategory.Timeout)]
    [InlineData(409, null, FailureCategory.Conflict)]
    [InlineData(404, null, FailureCategory.NotFound)]
    [InlineData(400, null, FailureCategory.Validation)]
    [InlineData(418, "SOMETHING_NEW", FailureCategory.Unknown)]
    public void Classify_StatusAndErrorCode_GivesOneCategory(int status, string? errorCode, FailureCategory expected) =>
        ZohoErrorClassifier.Classify((HttpStatusCode)status, errorCode).Should().Be(expected);

    [Fact]
    public void RetryAfter_DeltaSeconds_IsReturned()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));

        ZohoErrorClassifier.RetryAfter(response, TimeProvider.System).Should().Be(TimeSpan.FromSeconds(42));
    }
}
