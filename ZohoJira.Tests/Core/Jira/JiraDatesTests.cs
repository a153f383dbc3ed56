using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Http;

namespace ZohoJira.Tests.Core.Jira;

public sealed class JiraDatesTests
{
    [Theory]
    [InlineData("2026-01-05T10:02:11.123+0000", "2026-01-05T10:02:11.1230000+00:00")]
    [InlineData("2026-01-05T12:02:11.123+0200", "2026-01-05T12:02:11.1230000+02:00")]
    [InlineData("2026-01-05T10:02:11+0000", "2026-01-05T10:02:11.0000000+00:00")]
    [InlineData("2026-01-05T10:02:11.123Z", "2026-01-05T10:02:11.1230000+00:00")]
    public void Parse_JiraTimestamps_KeepTheInstant(string text, string expected) =>
        JiraDates.Parse(text).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Parse_EpochMillis_AndNonsense()
    {
        JiraDates.Parse(JsonValue.Create(1767607500000L)).Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1767607500000));
        JiraDates.Parse("yesterday").Should().BeNull();
        JiraDates.Parse((string?)null).Should().BeNull();
    }

    [Fact]
    public void Format_RoundTrips() =>
        JiraDates.Parse(JiraDates.Format(new DateTimeOffset(2026, 1, 5, 10, 2, 11, 123, TimeSpan.Zero)))
            .Should().Be(new DateTimeOffset(2026, 1, 5, 10, 2, 11, 123, TimeSpan.Zero));
}
