using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>Jira status → Zoho status: the map back, then the name, then the status type.</summary>
public sealed class ZohoStatusChooserTests
{
    private static readonly ZohoFieldValue[] Statuses =
        [new("Open", "Open"), new("On Hold", "On Hold"), new("Escalated", "Open"), new("Closed", "Closed")];

    private static JiraStatus Jira(string name, string category) => new("1", name, category, null);

    [Theory]
    [InlineData("Waiting for Customer", "indeterminate", "Open", ZohoStatusDecisionKind.Set, "Escalated")] // the map wins over the type
    [InlineData("Open", "new", "Closed", ZohoStatusDecisionKind.Set, "Open")] // same name
    [InlineData("closed", "done", "Open", ZohoStatusDecisionKind.Set, "Closed")] // names compared loosely
    [InlineData("In Progress", "indeterminate", "Open", ZohoStatusDecisionKind.Set, "On Hold")] // by type
    [InlineData("Done", "done", "Open", ZohoStatusDecisionKind.Set, "Closed")]
    [InlineData("To Do", "new", "Escalated", ZohoStatusDecisionKind.Aligned, null)] // already of type Open
    [InlineData("Open", "new", "Open", ZohoStatusDecisionKind.Aligned, null)]
    [InlineData("Triage", "unknown", "Open", ZohoStatusDecisionKind.NoMatch, null)]
    public void Choose_Table(string jiraName, string category, string currentZoho, ZohoStatusDecisionKind kind, string? status)
    {
        var settings = new StatusSyncSettings { ValueMap = [new ValueMapEntry("Escalated", "Waiting for Customer")] };

        var decision = ZohoStatusChooser.Choose(settings, Jira(jiraName, category), currentZoho, Statuses);

        decision.Kind.Should().Be(kind, decision.Reason);
        decision.Status.Should().Be(status);
    }

    [Fact]
    public void Choose_NoZohoStatusOfTheType_SaysWhatToMap()
    {
        var decision = ZohoStatusChooser.Choose(new StatusSyncSettings(), Jira("Done", "done"), "Open", [new("Open", "Open")]);

        decision.Kind.Should().Be(ZohoStatusDecisionKind.NoMatch);
        decision.Reason.Should().Contain("Done").And.Contain("status map");
    }
}
