using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>The organization metadata the Smart Connected Item wizard reads, through the real Zoho Desk client against
/// the simulated Zoho Desk: modules (the nine polling ones marked), departments, agents and picklist values.</summary>
public sealed class ZohoDeskMetadataContractTests(ZohoConnectedAppFixture fixture) : IClassFixture<ZohoConnectedAppFixture>
{
    private const string DeskPrefix = "/sandbox/zoho/desk";

    private readonly ZohoJiraAppFactory _app = fixture.App;
    private readonly IZohoDeskClient _client = fixture.Client;

    [Fact]
    public async Task ListModules_GivesStandardAndCustomModules_AndMarksExactlyTheNinePollingModules()
    {
        var modules = await _client.ListModulesAsync();

        modules.Select(m => m.ApiName).Should().BeEquivalentTo(
            ["tickets", "contacts", "accounts", "calls", "events", "tasks", "timeEntry", "products", "contracts", "agents", "cm_assets"]);
        modules.Where(m => m.IsPollingModule).Select(m => m.Module).Should().BeEquivalentTo(ZohoModule.All);
        modules.Single(m => m.ApiName == "timeEntry").Module.Should().BeSameAs(ZohoModule.TimeEntries);
        modules.Single(m => m.ApiName == "timeEntry").DisplayName.Should().Be("Time Entry");
        var agents = modules.Single(m => m.ApiName == "agents");
        agents.IsPollingModule.Should().BeFalse();
        agents.IsCustom.Should().BeFalse();
        var custom = modules.Single(m => m.IsCustom);
        custom.Should().Be(new ZohoOrganizationModule("1000000000397", "cm_assets", "Assets", "Asset", "cf_asset_name", true, null));
        custom.IsPollingModule.Should().BeFalse();
    }

    [Fact]
    public async Task ListDepartments_GivesTheSeededDepartments_WithTheDefaultMarked()
    {
        var departments = await _client.ListDepartmentsAsync();

        departments.Select(d => d.Name).Should().Contain(["Support", "Billing", "Field Service"]);
        departments.Should().ContainSingle(d => d.IsDefault).Which.Name.Should().Be("Support");
        departments.Should().OnlyContain(d => d.IsEnabled && d.Id.Length > 0);
        var seeded = SeededIds(s => s.Departments);
        departments.Select(d => d.Id).Should().Contain(seeded);
    }

    [Fact]
    public async Task ListAgents_GivesEveryAgentWithTheirEmailAddress()
    {
        var agents = await _client.ListAgentsAsync();

        var state = _app.State();
        lock (state.Gate)
        {
            foreach (var seeded in state.Agents.Take(6))
            {
                var agent = agents.Single(a => a.Id == seeded["id"]!.GetValue<string>());
                agent.Email.Should().Be(seeded["emailId"]!.GetValue<string>()).And.EndWith("@zylker.example");
                agent.Name.Should().Be(seeded["name"]!.GetValue<string>());
                agent.IsActive.Should().BeTrue();
                agent.IsConfirmed.Should().BeTrue();
            }
        }
    }

    [Fact]
    public async Task ListAgents_MoreThanOnePage_ReadsThemAll()
    {
        var added = new List<string>();
        var state = _app.State();
        lock (state.Gate)
        {
            for (var i = 0; i < 230; i++)
            {
                var id = state.NewId();
                added.Add(id);
                state.Agents.Add(new JsonObject
                {
                    ["id"] = id,
                    ["firstName"] = "Agent",
                    ["lastName"] = $"Number {i}",
                    ["name"] = $"Agent Number {i}",
                    ["emailId"] = $"agent{i}@zylker.example",
                    ["status"] = i % 10 == 0 ? "DISABLED" : "ACTIVE",
                    ["isConfirmed"] = i % 7 != 0,
                    ["roleId"] = null,
                    ["profileId"] = null,
                    ["photoURL"] = null,
                    ["zuid"] = (90000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["timeZone"] = "Europe/London",
                    ["isZiaAgent"] = false,
                });
            }
        }

        var agents = await _client.ListAgentsAsync();

        agents.Select(a => a.Id).Should().Contain(added).And.OnlyHaveUniqueItems();
        agents.Single(a => a.Email == "agent10@zylker.example").IsActive.Should().BeFalse();
        agents.Single(a => a.Email == "agent7@zylker.example").IsConfirmed.Should().BeFalse();
    }

    [Fact]
    public async Task Picklists_ComeWithTheOrganizationFields_AndStatusValuesCarryTheirStatusType()
    {
        var fields = await _client.GetFieldsAsync(ZohoModule.Tickets);

        var priority = fields.Single(f => f.ApiName == "priority");
        priority.AllowedValues.Should().NotBeEmpty();
        priority.AllowedValues.Should().OnlyContain(v => v.Value.Length > 0);
        var status = fields.Single(f => f.IsStatusField);
        status.AllowedValues.Should().Contain(v => v.StatusType == "Closed");
        status.AllowedValues.Should().Contain(v => v.StatusType == "Open");
    }

    [Fact]
    public async Task Layouts_OnePerDepartment_AndALayoutsFieldsCarryItsPicklistValues()
    {
        var all = await _client.ListLayoutsAsync(ZohoModule.Tickets);
        var departments = SeededIds(s => s.Departments);
        var billing = await _client.ListLayoutsAsync(ZohoModule.Tickets, departments[1]);

        all.Select(l => l.DepartmentId).Should().BeEquivalentTo(departments);
        all.Should().OnlyContain(l => l.IsDefault && l.IsActive);
        billing.Should().ContainSingle().Which.Name.Should().Be("Billing Cases Layout");

        var fields = await _client.GetLayoutFieldsAsync(billing[0].Id);

        fields.Should().NotBeNull();
        fields!.Single(f => f.ApiName == "priority").AllowedValues.Select(v => v.Value).Should().Equal(ZohoSandboxSeed.Priorities);
        fields.Single(f => f.ApiName == "subject").AllowedValues.Should().BeEmpty();
        var status = fields.Single(f => f.IsStatusField);
        status.AllowedValues.Select(v => v.Value).Should().Contain(["Open", "Closed"]);
        status.AllowedValues.Should().OnlyContain(v => v.StatusType == null, "a layout lists status values without their types");
        var organization = await _client.GetFieldsAsync(ZohoModule.Tickets);
        fields.Select(f => f.ApiName).Should().BeEquivalentTo(organization.Select(f => f.ApiName));
    }

    [Fact]
    public async Task Layouts_OfAnotherModule_AndAnUnknownLayout()
    {
        var contacts = await _client.ListLayoutsAsync(ZohoModule.Contacts);
        var fields = await _client.GetLayoutFieldsAsync(contacts[0].Id);

        fields!.Select(f => f.ApiName).Should().Contain("lastName").And.NotContain("subject");
        (await _client.GetLayoutFieldsAsync("123")).Should().BeNull();
        (await _client.GetLayoutFieldsAsync(contacts[0].Id[..^2] + "99")).Should().BeNull();
    }

    [Fact]
    public async Task Simulator_PagesDepartmentsAndAgentsWithFromAndLimit_AndRefusesALimitOverTwoHundred()
    {
        using var http = await RawClientAsync();

        var firstTwo = await http.GetAsync($"{DeskPrefix}/api/v1/departments?from=0&limit=2");
        var rest = await http.GetAsync($"{DeskPrefix}/api/v1/departments?from=2&limit=2");
        var past = await http.GetAsync($"{DeskPrefix}/api/v1/departments?from=50&limit=2");
        var tooMany = await http.GetAsync($"{DeskPrefix}/api/v1/agents?from=0&limit=201");
        var enabled = await http.GetAsync($"{DeskPrefix}/api/v1/departments?isEnabled=true&searchStr=bill");

        (await Data(firstTwo)).Should().HaveCount(2);
        (await Data(rest)).Should().HaveCount(1);
        past.StatusCode.Should().Be(HttpStatusCode.NoContent);
        tooMany.StatusCode.Should().Be((HttpStatusCode)422);
        (await Data(enabled)).Select(d => d!["name"]!.GetValue<string>()).Should().Equal("Billing");
    }

    [Fact]
    public async Task Simulator_ListsCustomModulesOnlyWithTheFeatureFlag()
    {
        using var http = await RawClientAsync();

        var standard = await Data(await http.GetAsync($"{DeskPrefix}/api/v1/organizationModules"));

        standard.Select(m => m!["apiName"]!.GetValue<string>()).Should().HaveCount(10).And.NotContain("cm_assets");
    }

    private static async Task<JsonArray> Data(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray();
    }

    private List<string> SeededIds(Func<ZohoSandboxState, List<JsonObject>> list)
    {
        var state = _app.State();
        lock (state.Gate)
        {
            return [.. list(state).Select(o => o["id"]!.GetValue<string>())];
        }
    }

    private async Task<HttpClient> RawClientAsync()
    {
        await using var db = _app.CreateDbContext();
        var connection = await db.ZohoConnections.SingleAsync();
        var token = await _app.Services.GetRequiredService<ZohoTokenService>().GetAccessTokenAsync(connection.Id);
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        http.DefaultRequestHeaders.Add("orgId", ZohoSandboxState.OrgId);
        return http;
    }
}
