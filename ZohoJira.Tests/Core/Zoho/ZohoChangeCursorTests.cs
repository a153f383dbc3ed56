using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Tests.Core.Zoho;

public class ZohoChangeCursorTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var cursor = new ZohoChangeCursor(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero), 300);

        ZohoChangeCursor.Decode(cursor.Encode()).Should().Be(cursor);
    }

    [Fact]
    public void Decode_Garbage_ThrowsArgumentException() =>
        FluentActions.Invoking(() => ZohoChangeCursor.Decode("not-a-cursor")).Should().Throw<ArgumentException>();

    [Fact]
    public void Range_UsesZohoTimestampFormat() =>
        ZohoDeskUrls.Range(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero))
            .Should().Be("2026-01-02T03:04:05.000Z,2026-01-03T00:00:00.000Z");
}
