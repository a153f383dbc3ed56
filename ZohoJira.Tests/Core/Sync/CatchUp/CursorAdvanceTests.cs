using System.Text.Json;
using ZohoJira.Core.Common;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

public sealed class CursorAdvanceTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    private static ZohoRecord Ticket(string id, int second) => new(id, ZohoModule.Tickets, new Dictionary<string, JsonElement>
    {
        ["modifiedTime"] = JsonSerializer.SerializeToElement(Start.AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
    });

    [Fact]
    public void Advance_WindowReadToTheEnd_StartsTheNextAtTheLastSecondRememberingItsRecords()
    {
        var cursor = new SyncCursor { ZohoModule = "tickets", ModifiedSince = Start };

        var (next, records) = ZohoCatchUpService.Advance(cursor, new Page<ZohoRecord>([Ticket("1", 0), Ticket("3", 5), Ticket("2", 5)], null));

        records.Select(r => r.Id).Should().Equal("1", "3", "2");
        next.ModifiedSince.Should().Be(Start.AddSeconds(5));
        next.Continuation.Should().BeNull();
        next.LastRecordIds.Should().Be("2,3");
    }

    [Fact]
    public void Advance_RereadOfTheLastSecond_PassesOverWhatWasReadAndKeepsNewcomers()
    {
        var cursor = new SyncCursor { ZohoModule = "tickets", ModifiedSince = Start.AddSeconds(5), LastModifiedTime = Start.AddSeconds(5), LastRecordIds = "2,3" };

        var (next, records) = ZohoCatchUpService.Advance(cursor, new Page<ZohoRecord>([Ticket("3", 5), Ticket("2", 5), Ticket("4", 5)], null));

        records.Select(r => r.Id).Should().Equal("4");
        next.LastRecordIds.Should().Be("2,3,4");
        next.ModifiedSince.Should().Be(Start.AddSeconds(5));
    }

    [Fact]
    public void Advance_HalfReadWindow_KeepsItsStartAndTheContinuation()
    {
        var cursor = new SyncCursor { ZohoModule = "tickets", ModifiedSince = Start };

        var (next, records) = ZohoCatchUpService.Advance(cursor, new Page<ZohoRecord>([Ticket("1", 1), Ticket("2", 2)], "page-2"));

        records.Should().HaveCount(2);
        next.ModifiedSince.Should().Be(Start);
        next.Continuation.Should().Be("page-2");
        next.LastModifiedTime.Should().Be(Start.AddSeconds(2));
        next.LastRecordIds.Should().Be("2");
    }

    [Fact]
    public void Advance_NothingChanged_LeavesTheCursorAsItWas()
    {
        var cursor = new SyncCursor { ZohoModule = "tickets", ModifiedSince = Start, LastModifiedTime = Start, LastRecordIds = "9" };

        var (next, records) = ZohoCatchUpService.Advance(cursor, new Page<ZohoRecord>([Ticket("9", 0)], null));

        records.Should().BeEmpty();
        next.Should().BeEquivalentTo(cursor, o => o.Excluding(c => c.UpdatedAt));
    }
}
