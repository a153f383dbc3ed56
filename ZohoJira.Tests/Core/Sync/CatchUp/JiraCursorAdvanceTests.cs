using System.Text.Json.Nodes;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Sync;
using ZohoJira.Core.Sync.CatchUp;

namespace ZohoJira.Tests.Core.Sync.CatchUp;

/// <summary>The Jira catch-up's pure parts: the JQL of a window (minutes, the account's time zone) and how a page moves
/// the cursor.</summary>
public sealed class JiraCursorAdvanceTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 10, 0, 30, DateTimeKind.Utc);

    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private static JiraIssue Issue(string id, DateTime updated) =>
        new(id, $"SUP-{id}", null, null, null, null, null, null, null, new DateTimeOffset(updated), [], new JsonObject(), null);

    [Fact]
    public void Query_WritesTheMinuteInTheAccountsTimeZone_RoundedDown()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        JiraCatchUpService.Query(["SUP", "OPS-2"], Start, TimeZoneInfo.Utc)
            .Should().Be("project in (SUP, \"OPS-2\") AND updated >= \"2026/12/03 10:00\" ORDER BY updated ASC");
        JiraCatchUpService.Query(["SUP"], Start, berlin)
            .Should().Be("project in (SUP) AND updated >= \"2026/12/03 11:00\" ORDER BY updated ASC");
    }

    [Fact]
    public void Query_LocalTimeThatOccursTwice_StartsAnHourEarlier()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 00:30 UTC on 25 Oct 2026 is 02:30 summer time, a local time that comes again at 01:30 UTC.
        JiraCatchUpService.Query(["SUP"], new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), berlin)
            .Should().EndWith("updated >= \"2026/10/25 01:30\" ORDER BY updated ASC");
    }

    [Fact]
    public void Advance_WindowReadToTheEnd_StartsTheNextAtTheLatestUpdateRememberingTheOverlap()
    {
        var cursor = new JiraSyncCursor { Name = JiraSyncCursor.IssuesName, UpdatedSince = Start };

        var (next, changed) = JiraCatchUpService.Advance(cursor, "q",
            new Page<JiraIssue>([Issue("1", Start.AddMinutes(-20)), Issue("2", Start.AddMinutes(1)), Issue("3", Start.AddMinutes(2))], null), Overlap);

        changed.Select(i => i.Id).Should().Equal(["2", "3"], "issue 1 is older than the window less the overlap (JQL's rounding)");
        next.UpdatedSince.Should().Be(Start.AddMinutes(2));
        next.LastUpdated.Should().Be(Start.AddMinutes(2));
        next.Continuation.Should().BeNull();
        next.Query.Should().BeNull();
        next.SeenIssues.Should().Contain("2@").And.Contain("3@").And.NotContain("1@");
    }

    [Fact]
    public void Advance_OverlapReadAgain_PassesOverUnmovedIssues_ButNotAnIssueUpdatedAgain()
    {
        var cursor = new JiraSyncCursor { Name = JiraSyncCursor.IssuesName, UpdatedSince = Start };
        var (after, _) = JiraCatchUpService.Advance(cursor, "q", new Page<JiraIssue>([Issue("2", Start.AddMinutes(1)), Issue("3", Start.AddMinutes(2))], null), Overlap);

        var (next, changed) = JiraCatchUpService.Advance(after, "q",
            new Page<JiraIssue>([Issue("2", Start.AddMinutes(1)), Issue("3", Start.AddMinutes(2)), Issue("2", Start.AddMinutes(3)), Issue("4", Start.AddMinutes(1.5))], null), Overlap);

        changed.Select(i => (i.Id, i.Updated)).Should().Equal(
            [("2", new DateTimeOffset(Start.AddMinutes(3))), ("4", new DateTimeOffset(Start.AddMinutes(1.5)))],
            "issue 2 moved; issue 4 showed up late in the search but within the overlap");
        next.UpdatedSince.Should().Be(Start.AddMinutes(3));
    }

    [Fact]
    public void Advance_PageWithMore_KeepsTheWindowItsQueryAndTheToken()
    {
        var cursor = new JiraSyncCursor { Name = JiraSyncCursor.IssuesName, UpdatedSince = Start };

        var (next, changed) = JiraCatchUpService.Advance(cursor, "the window's jql", new Page<JiraIssue>([Issue("1", Start.AddMinutes(1))], "page-2"), Overlap);

        changed.Should().ContainSingle();
        next.UpdatedSince.Should().Be(Start);
        next.Query.Should().Be("the window's jql");
        next.Continuation.Should().Be("page-2");
        next.LastUpdated.Should().Be(Start.AddMinutes(1));
    }
}
