using System.Text.Json;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Tests.Core.Zoho;

public class ZohoWebhookEventTests
{
    [Fact]
    public void ParseDelivery_ArrayOfEvents_ReadsTypeOrgTimeAndRecord()
    {
        const string body = """
            [ { "eventType": "Ticket_Update", "eventTime": "1710416000123", "orgId": "60022843030",
                "payload": { "id": "1892000000143237", "status": "Closed" }, "prevState": { "status": "Open" } },
              { "eventType": "Ticket_Delete", "eventTime": "2024-03-14T11:33:20.000Z", "orgId": "60022843030", "payload": { "id": "1892000000143238" } } ]
            """;

        var events = ZohoWebhookEvent.ParseDelivery(body);

        events.Should().HaveCount(2);
        events[0].EventType.Should().Be("Ticket_Update");
        events[0].OrgId.Should().Be("60022843030");
        events[0].RecordId.Should().Be("1892000000143237");
        events[0].EventTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1710416000123));
        events[0].Json.Should().Contain("prevState");
        events[1].EventTime.Should().Be(new DateTimeOffset(2024, 3, 14, 11, 33, 20, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[{\"payload\":{}}]")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public void ParseDelivery_NotZohoEvents_Throws(string body) =>
        FluentActions.Invoking(() => ZohoWebhookEvent.ParseDelivery(body)).Should().Throw<JsonException>();
}
