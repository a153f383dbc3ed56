using System.Text;
using ZohoJira.Core.Jira.Webhooks;

namespace ZohoJira.Tests.Core.Jira;

public sealed class JiraWebhookSignatureTests
{
    private const string Secret = "It's a Secret to Everybody";

    [Fact]
    public void Compute_OfficialVector_MatchesAtlassianExample() =>
        JiraWebhookSignature.Compute(Secret, "Hello World!"u8).Should()
            .Be("sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9");

    [Theory]
    [InlineData("sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", true)]
    [InlineData("SHA256=A4771C39FBE90F317C7824E83DDEF3CAAE9CB3D976C214ACE1F2937E133263C9", true)]
    [InlineData("sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c8", false)]
    [InlineData("sha1=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", false)]
    [InlineData("sha256=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex", false)]
    [InlineData("sha256=a4771c", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Verify_HeaderValues_AcceptsOnlyTheRightSha256(string? header, bool expected) =>
        JiraWebhookSignature.Verify(Secret, "Hello World!"u8, header).Should().Be(expected);

    [Fact]
    public void Verify_BodyChangedByOneByte_Fails()
    {
        var header = JiraWebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes("{\"a\":1}"));
        JiraWebhookSignature.Verify(Secret, Encoding.UTF8.GetBytes("{\"a\":2}"), header).Should().BeFalse();
        JiraWebhookSignature.Verify("another secret", Encoding.UTF8.GetBytes("{\"a\":1}"), header).Should().BeFalse();
    }
}
