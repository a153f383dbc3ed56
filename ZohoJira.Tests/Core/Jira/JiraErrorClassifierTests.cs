using System.Net;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Http;

namespace ZohoJira.Tests.Core.Jira;

public sealed class JiraErrorClassifierTests
{
    [Theory]
    [InlineData(400, FailureCategory.Validation)]
    [InlineData(401, FailureCategory.Authentication)]
    [InlineData(403, FailureCategory.Permission)]
    [InlineData(404, FailureCategory.NotFound)]
    [InlineData(408, FailureCategory.Timeout)]
    [InlineData(409, FailureCategory.Conflict)]
    [InlineData(413, FailureCategory.Validation)]
    [InlineData(422, FailureCategory.Validation)]
    [InlineData(429, FailureCategory.RateLimited)]
    [InlineData(500, FailureCategory.Transient)]
    [InlineData(503, FailureCategory.Transient)]
    [InlineData(302, FailureCategory.Unknown)]
    public void Classify_Status_GivesOneCategory(int status, FailureCategory expected) =>
        JiraErrorClassifier.Classify((HttpStatusCode)status).Should().Be(expected);

    [Fact]
    public void ToException_ErrorCollection_MessageNamesEveryErrorAndKeepsFieldErrors()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        var body = """{"errorMessages":["Field 'priority' is required"],"errors":{"description":"The entered text is too long. It exceeds the allowed limit of 32,767 characters."}}""";

        var ex = JiraErrorClassifier.ToException(response.StatusCode, response.Headers, body, "create an issue");

        ex.System.Should().Be(ExternalSystem.Jira);
        ex.Category.Should().Be(FailureCategory.Validation);
        ex.StatusCode.Should().Be(400);
        ex.Message.Should().Contain("Field 'priority' is required").And.Contain("description: The entered text is too long");
        ex.VendorErrorCode.Should().Be("description");
        ex.Data[JiraErrorClassifier.FieldErrorsKey].Should().BeAssignableTo<IDictionary<string, string>>()
            .Which.Should().ContainKey("description");
        ex.IsRetryable.Should().BeFalse();
    }

    [Fact]
    public void ToException_404_SaysItMayBeHidden()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
        var ex = JiraErrorClassifier.ToException(response.StatusCode, response.Headers,
            """{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}""", "read issue SUP-1");

        ex.Category.Should().Be(FailureCategory.NotFound);
        ex.Message.Should().Contain("may not see it");
    }

    [Fact]
    public void ToException_429_SurfacesRetryAfterAndReason()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "17");
        response.Headers.TryAddWithoutValidation("RateLimit-Reason", "jira-per-issue-on-write");

        var ex = JiraErrorClassifier.ToException(response.StatusCode, response.Headers, string.Empty, "comment on issue SUP-1");

        ex.Category.Should().Be(FailureCategory.RateLimited);
        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(17));
        ex.VendorErrorCode.Should().Be("jira-per-issue-on-write");
        ex.IsRetryable.Should().BeTrue();
    }

    [Fact]
    public void ToException_HtmlBody_IsIgnoredAndSecretsNeverAppear()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        var ex = JiraErrorClassifier.ToException(response.StatusCode, response.Headers, "<html>Basic dXNlcjp0b2tlbg==</html>", "read the connected account");

        ex.Category.Should().Be(FailureCategory.Authentication);
        ex.Message.Should().NotContain("dXNlcjp0b2tlbg");
    }
}
