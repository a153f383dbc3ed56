using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>The one rule both directions use to decide whether a field flows, and who wins a conflict.</summary>
public sealed class FieldConflictRuleTests
{
    private static readonly DateTimeOffset Early = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Late = Early.AddMinutes(5);

    public static TheoryData<MappingDirection?, SyncSide, bool, bool, DateTimeOffset?, DateTimeOffset?, FieldFlow> Cases => new()
    {
        // Owner is the source: written whenever it differs; a target change is a conflict the owner wins.
        { MappingDirection.ZohoToJira, SyncSide.Zoho, true, false, Early, Late, FieldFlow.Write },
        { MappingDirection.ZohoToJira, SyncSide.Zoho, false, false, Early, Late, FieldFlow.Write },
        { MappingDirection.ZohoToJira, SyncSide.Zoho, true, true, Early, Late, FieldFlow.ConflictWrite },
        { MappingDirection.JiraToZoho, SyncSide.Jira, true, true, Early, Late, FieldFlow.ConflictWrite },

        // Owner is the target: nothing flows this way, changed or not.
        { MappingDirection.JiraToZoho, SyncSide.Zoho, true, true, Late, Early, FieldFlow.Keep },
        { MappingDirection.ZohoToJira, SyncSide.Jira, true, false, Late, Early, FieldFlow.Keep },
        { null, SyncSide.Jira, true, false, Late, Early, FieldFlow.Keep },

        // Both own it: flows only when the source changed; both changed → the later change wins.
        { MappingDirection.Both, SyncSide.Jira, false, false, Late, Early, FieldFlow.Keep },
        { MappingDirection.Both, SyncSide.Jira, false, true, Late, Early, FieldFlow.Keep },
        { MappingDirection.Both, SyncSide.Jira, true, false, Early, Late, FieldFlow.Write },
        { MappingDirection.Both, SyncSide.Jira, true, true, Late, Early, FieldFlow.ConflictWrite },
        { MappingDirection.Both, SyncSide.Jira, true, true, Early, Late, FieldFlow.ConflictKeep },
        { MappingDirection.Both, SyncSide.Zoho, true, true, Late, Early, FieldFlow.ConflictWrite },
        { MappingDirection.Both, SyncSide.Zoho, true, true, Early, Late, FieldFlow.ConflictKeep },

        // A tie or an unknown time goes to Zoho, whichever direction asks.
        { MappingDirection.Both, SyncSide.Zoho, true, true, Early, Early, FieldFlow.ConflictWrite },
        { MappingDirection.Both, SyncSide.Jira, true, true, Early, Early, FieldFlow.ConflictKeep },
        { MappingDirection.Both, SyncSide.Jira, true, true, null, Early, FieldFlow.ConflictKeep },
        { MappingDirection.Both, SyncSide.Jira, true, true, Late, null, FieldFlow.ConflictKeep },
        { MappingDirection.Both, SyncSide.Zoho, true, true, null, Early, FieldFlow.ConflictWrite },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(MappingDirection? owner, SyncSide source, bool sourceChanged, bool targetChanged,
        DateTimeOffset? sourceAt, DateTimeOffset? targetAt, FieldFlow expected)
    {
        var decision = FieldConflictRule.Decide(owner, source, sourceChanged, targetChanged, sourceAt, targetAt);

        decision.Flow.Should().Be(expected, decision.Reason);
        decision.Reason.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Decide_BothDirectionsOfOneConflict_AgreeOnTheWinner(bool zohoLater, bool tie)
    {
        var zohoAt = tie ? Early : zohoLater ? Late : Early;
        var jiraAt = tie ? Early : zohoLater ? Early : Late;

        var fromZoho = FieldConflictRule.Decide(MappingDirection.Both, SyncSide.Zoho, true, true, zohoAt, jiraAt);
        var fromJira = FieldConflictRule.Decide(MappingDirection.Both, SyncSide.Jira, true, true, jiraAt, zohoAt);

        (fromZoho.Writes ^ fromJira.Writes).Should().BeTrue("exactly one direction applies its value");
        fromZoho.IsConflict.Should().BeTrue();
        fromJira.IsConflict.Should().BeTrue();
    }

    [Theory]
    [InlineData(SyncMode.OneWay, MappingDirection.ZohoToJira)]
    [InlineData(SyncMode.TwoWay, MappingDirection.Both)]
    [InlineData(SyncMode.Custom, MappingDirection.Both)]
    [InlineData(SyncMode.DisplayOnly, null)]
    public void StatusOwner_PerMode(SyncMode mode, MappingDirection? expected) =>
        FieldConflictRule.StatusOwner(mode).Should().Be(expected);
}
