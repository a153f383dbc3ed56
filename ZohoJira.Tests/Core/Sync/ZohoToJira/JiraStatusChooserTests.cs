using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

public sealed class JiraStatusChooserTests
{
    private static readonly JiraStatus ToDo = new("1", "To Do", "new", "To Do");
    private static readonly JiraStatus InProgress = new("3", "In Progress", "indeterminate", "In Progress");
    private static readonly JiraStatus Waiting = new("4", "Waiting for customer", "indeterminate", "In Progress");
    private static readonly JiraStatus Resolved = new("5", "Resolved", "done", "Done");
    private static readonly JiraStatus Done = new("6", "Done", "done", "Done");

    private static readonly JiraFieldMeta Resolution = new("resolution", "Resolution", true, false, new JiraFieldSchema("resolution", null, "resolution", null), ["set"],
        [new("10000", "Done", null), new("10001", "Won't Do", null)]);

    private static readonly JiraTransition Start = new("11", "Start progress", InProgress, false, []);
    private static readonly JiraTransition Wait = new("21", "Wait for customer", Waiting, false, []);
    private static readonly JiraTransition Resolve = new("41", "Resolve", Resolved, true, [Resolution]);
    private static readonly JiraTransition Finish = new("61", "Finish", Done, false, []);

    private static readonly JiraTransition[] All = [Start, Wait, Resolve, Finish];

    private static StatusSyncSettings Settings(ValueMapEntry[]? map = null, TransitionFieldDefault[]? defaults = null) =>
        new() { ValueMap = map ?? [], TransitionDefaults = defaults ?? [] };

    [Fact]
    public void Choose_ValueMap_GoesToTheMappedStatusFirst()
    {
        var decision = JiraStatusChooser.Choose(Settings([new("In Progress", "Waiting for customer")]), "In Progress", "Open", ToDo, All);

        decision.Kind.Should().Be(StatusDecisionKind.Transition);
        decision.Transition.Should().Be(Wait, "the map wins over the transition named like the Zoho status");
        decision.Reason.Should().Contain("value map");
    }

    [Fact]
    public void Choose_ValueMapTargetUnreachable_IsNoPathNamingTheMap()
    {
        var decision = JiraStatusChooser.Choose(Settings([new("Escalated", "Blocked")]), "Escalated", "Open", ToDo, All);

        decision.Kind.Should().Be(StatusDecisionKind.NoPath);
        decision.Reason.Should().Contain("'Blocked'").And.Contain("'To Do'");
    }

    [Theory]
    [InlineData("Waiting for customer")]
    [InlineData("waiting-for-customer")]
    public void Choose_AlreadyInTheMappedOrNamedStatus_IsAligned(string jiraName)
    {
        var current = Waiting with { Name = jiraName };
        JiraStatusChooser.Choose(Settings([new("Escalated", "Waiting for customer")]), "Escalated", "Open", current, All).Kind.Should().Be(StatusDecisionKind.Aligned);
        JiraStatusChooser.Choose(Settings(), "Waiting for Customer", "On Hold", current, All).Kind.Should().Be(StatusDecisionKind.Aligned);
        JiraStatusChooser.IsAligned(Settings(), "Waiting for Customer", current).Should().BeTrue();
        JiraStatusChooser.IsAligned(Settings(), "Escalated", current).Should().BeFalse("a name that differs needs the transitions to decide");
    }

    [Fact]
    public void Choose_TransitionNamedLikeTheZohoStatus_IsChosen()
    {
        var decision = JiraStatusChooser.Choose(Settings(), "in progress", "Open", ToDo, All);

        decision.Transition.Should().Be(Start);
        decision.Reason.Should().Be("the status name");
    }

    [Fact]
    public void Choose_NoNameMatch_FallsBackToTheStatusTypeCategory()
    {
        var decision = JiraStatusChooser.Choose(Settings(), "Escalated", "On Hold", ToDo, All);

        decision.Kind.Should().Be(StatusDecisionKind.Transition);
        decision.Transition!.To.CategoryKey.Should().Be("indeterminate");
        decision.Reason.Should().Contain("category");
    }

    [Fact]
    public void Choose_IssueAlreadyInTheMatchingCategory_IsAligned()
    {
        JiraStatusChooser.Choose(Settings(), "Escalated", "On Hold", Waiting, All).Kind.Should().Be(StatusDecisionKind.Aligned);
    }

    [Fact]
    public void Choose_CategoryCandidates_PassOverATransitionThatNeedsAnUnconfiguredField()
    {
        var decision = JiraStatusChooser.Choose(Settings(), "Closed", "Closed", InProgress, All);

        decision.Transition.Should().Be(Finish);
    }

    [Fact]
    public void Choose_RequiredTransitionField_ComesFromTheItemDefaults()
    {
        var without = JiraStatusChooser.Choose(Settings(), "Resolved", "Closed", InProgress, All);
        without.Kind.Should().Be(StatusDecisionKind.NoPath);
        without.Reason.Should().Contain("requires Resolution").And.Contain("default");

        var with = JiraStatusChooser.Choose(Settings(defaults: [new TransitionFieldDefault("resolution", "Done")]), "Resolved", "Closed", InProgress, All);
        with.Transition.Should().Be(Resolve);
        with.Fields!.ToJsonString().Should().Be("""{"resolution":{"id":"10000"}}""");
    }

    [Fact]
    public void Choose_DefaultNotOfferedByTheField_CountsAsMissing()
    {
        var decision = JiraStatusChooser.Choose(Settings(defaults: [new TransitionFieldDefault("resolution", "Fixed")]), "Resolved", "Closed", InProgress, All);

        decision.Kind.Should().Be(StatusDecisionKind.NoPath);
    }

    [Fact]
    public void Choose_UnknownTypeAndNoName_TakesTheClosestName()
    {
        var decision = JiraStatusChooser.Choose(Settings(), "In Progres", null, ToDo, All);

        decision.Transition.Should().Be(Start);
        decision.Reason.Should().Be("the closest status name");
    }

    [Fact]
    public void Choose_NothingFits_IsNoPathListingWhereTransitionsLead()
    {
        var decision = JiraStatusChooser.Choose(Settings(), "Banana", null, ToDo, All);

        decision.Kind.Should().Be(StatusDecisionKind.NoPath);
        decision.Reason.Should().Contain("'Banana'").And.Contain("'In Progress'").And.Contain("'Done'");
    }

    [Theory]
    [InlineData("Open", "new")]
    [InlineData("On Hold", "indeterminate")]
    [InlineData("onhold", "indeterminate")]
    [InlineData("Closed", "done")]
    [InlineData("Escalated", null)]
    [InlineData(null, null)]
    public void CategoryFor_ZohoStatusType_MatchesJiraCategory(string? type, string? category) =>
        JiraStatusChooser.CategoryFor(type).Should().Be(category);
}
