using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Sandbox.JiraCloud;

namespace ZohoJira.Tests.Web.Sandbox.JiraCloud;

/// <summary>The metadata the Smart Connected Item wizard reads, through the real Jira client against the simulated site:
/// edit screens, a project's statuses per issue type, and users by name or e-mail.</summary>
public sealed class JiraClientMetadataContractTests(JiraSandboxFixture sandbox) : IClassFixture<JiraSandboxFixture>, IDisposable
{
    private const string SupportRequest = "10003";

    public void Dispose() => sandbox.Faults.Reset();

    [Fact]
    public async Task GetEditFields_OfASupportRequest_HasTheCreateScreensFieldsAndTheEditOnlyOnes_WithAllowedValues()
    {
        var issue = await SampleIssueAsync("SUP", SupportRequest);

        var fields = await sandbox.Connector.GetEditFieldsAsync(issue.Key);

        fields.Should().NotBeNull();
        var ids = fields!.Select(f => f.FieldId).ToList();
        ids.Should().Contain(["summary", "description", "customfield_10050", "customfield_10051", "priority", "labels", "assignee", "duedate"]);
        ids.Should().NotContain(["project", "issuetype"], "the project and type are not edited through the edit screen");
        fields.Single(f => f.FieldId == "summary").Required.Should().BeTrue();
        fields.Single(f => f.FieldId == "assignee").Required.Should().BeFalse("edit-only fields are optional");
        fields.Single(f => f.FieldId == "summary").Schema!.Type.Should().Be("string");
        fields.Single(f => f.FieldId == "labels").Operations.Should().Contain("add");
        fields.Single(f => f.FieldId == "customfield_10051").AllowedValues.Select(v => v.Label).Should().Equal("Gold", "Silver", "Bronze");
        fields.Single(f => f.FieldId == "priority").AllowedValues.Should().Contain(v => v.Name == "High");
    }

    [Fact]
    public async Task GetEditFields_DiffersByIssueType()
    {
        var task = await SampleIssueAsync("SUP", "10002");

        var fields = await sandbox.Connector.GetEditFieldsAsync(task.Id);

        fields!.Select(f => f.FieldId).Should().Contain("duedate").And.NotContain("reporter", "the Task create screen has no reporter");
    }

    [Fact]
    public async Task GetEditFields_OfAMissingIssue_IsNull()
    {
        (await sandbox.Connector.GetEditFieldsAsync("SUP-99999")).Should().BeNull();
    }

    [Fact]
    public async Task GetProjectStatuses_ListsEachIssueTypeWithItsWorkflowsStatusesAndCategories()
    {
        var types = await sandbox.Connector.GetProjectStatusesAsync("SUP");

        types.Select(t => t.IssueTypeName).Should().Equal("Support Request", "Bug", "Task");
        var request = types.Single(t => t.IssueTypeId == SupportRequest);
        request.Subtask.Should().BeFalse();
        request.Statuses.Select(s => s.Name).Should().Equal("Open", "In Progress", "Waiting for Customer", "Resolved");
        request.Statuses.Select(s => s.CategoryKey).Should().Equal("new", "indeterminate", "indeterminate", "done");
        request.Statuses[0].Id.Should().Be("10000");
        request.Statuses[0].CategoryName.Should().Be("To Do");

        var dev = await sandbox.Connector.GetProjectStatusesAsync("10001");
        dev.Single(t => t.IssueTypeName == "Story").Statuses.Select(s => s.Name).Should().Equal("To Do", "In Progress", "In Review", "Done");
    }

    [Fact]
    public async Task GetProjectStatuses_OfAnUnknownProject_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<ExternalApiException>(() => sandbox.Connector.GetProjectStatusesAsync("NOPE"));

        ex.Category.Should().Be(FailureCategory.NotFound);
        ex.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task SearchUsers_MatchesTheStartOfNamesAndAddresses_AndShowsVisibleAddresses()
    {
        var byName = await sandbox.Connector.SearchUsersAsync("rivera");
        var byAddress = await sandbox.Connector.SearchUsersAsync("mia.kry");

        byName.Should().ContainSingle().Which.Should().Be(new JiraUser("5b10ac8d82e05b22cc7d4ef5", "Sam Rivera", "sam.rivera@sandbox.example", "atlassian", true, "Etc/UTC"));
        byAddress.Should().ContainSingle().Which.AccountId.Should().Be(JiraSandboxAccounts.UserAccountId);
        (await sandbox.Connector.SearchUsersAsync("nobody-here")).Should().BeEmpty();
    }

    [Fact]
    public async Task FindUserByEmail_FindsTheExactAddress_CaseInsensitively_AndNullForUnknown()
    {
        var mia = await sandbox.Connector.FindUserByEmailAsync("Mia.Krystof@Sandbox.Example");
        var unknown = await sandbox.Connector.FindUserByEmailAsync("ghost@sandbox.example");

        mia!.AccountId.Should().Be(JiraSandboxAccounts.UserAccountId);
        mia.EmailAddress.Should().Be(JiraSandboxAccounts.UserEmail);
        unknown.Should().BeNull();
    }

    [Fact]
    public async Task FindUserByEmail_FindsAUserWhoseAddressIsHidden_WhenJiraMatchedOnlyThatUser()
    {
        var connector = await sandbox.Connector.FindUserByEmailAsync(JiraSandboxAccounts.ConnectorEmail);

        connector!.AccountId.Should().Be(JiraSandboxAccounts.ConnectorAccountId);
        connector.EmailAddress.Should().BeNull("an app account's address is not shown");
    }

    private async Task<JiraIssue> SampleIssueAsync(string project, string issueTypeId)
    {
        var page = await sandbox.Connector.SearchIssuesAsync(new JiraSearchRequest($"project = {project} ORDER BY created ASC", ["summary", "issuetype"], 100));
        return page.Items.First(i => i.IssueTypeId == issueTypeId);
    }
}
