using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.JiraToZoho;
using ZohoJira.Core.Zoho.Models;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.PlannerSupport;

namespace ZohoJira.Tests.Core.Sync.JiraToZoho;

/// <summary>The pure Jira → Zoho field planner: conversions back, the ledger, and conflicts.</summary>
public sealed class ZohoFieldPlannerTests
{
    private static readonly DateTimeOffset JiraAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, ZohoField> ZohoFields = new[]
    {
        ZohoField("subject", "Text", mandatory: true),
        ZohoField("description", "Textarea"),
        ZohoField("priority", "Picklist", values: ["Low", "Medium", "High", "Urgent"]),
        ZohoField("dueDate", "DateTime"),
        ZohoField("assigneeId", "LookUp"),
        ZohoField("cf_owner", "Text"),
        ZohoField("cf_tags", "Multiselect", values: ["hardware", "big_customer", "other"]),
        ZohoField("cf_points", "Number"),
        ZohoField("cf_severity", "Picklist", values: ["S1", "S2", "S3"]),
    }.ToDictionary(f => f.ApiName, StringComparer.Ordinal);

    private static readonly Dictionary<string, ZohoAgent> Agents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mia.krystof@sandbox.example"] = new ZohoAgent("agent-7", "Mia Krystof", "Mia", "Krystof", "mia.krystof@sandbox.example", "ACTIVE", true),
    };

    private static ZohoField ZohoField(string name, string type, bool mandatory = false, string[]? values = null) =>
        new(name, name, name, type, name.StartsWith("cf_", StringComparison.Ordinal), mandatory, (values ?? []).Select(v => new ZohoFieldValue(v, null)).ToList());

    private static JiraSide Jira(string json, params JiraFieldMeta[] meta) => new(Current(json), Screen(meta), JiraAt);

    private static ZohoSide Zoho(string json, DateTimeOffset? modified = null)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record["modifiedTime"] = (modified ?? JiraAt.AddHours(-1)).ToString("o");
        return new ZohoSide(Ticket(record.ToJsonString()), ZohoFields, Agents);
    }

    private static LinkBaselines Ledger(params (string Side, string Field, string Value)[] rows) =>
        new(rows.Select(r => new LinkFieldWrite { Side = r.Side, FieldId = r.Field, Value = r.Value }));

    private static JsonObject Doc(string markText) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text", ["text"] = "Smoke from " },
                new JsonObject { ["type"] = "text", ["text"] = markText, ["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" }) }),
        }),
    };

    [Fact]
    public void Plan_TwoWayItem_ConvertsEachTypeBack()
    {
        var item = Item(SyncMode.TwoWay,
            Map("summary", "subject"), Map("description", "description"), Map("priority", "priority", null, new ValueMapEntry("Urgent", "Highest")),
            Map("duedate", "dueDate"), Map("assignee", "assigneeId"), Map("reporter", "cf_owner"), Map("labels", "cf_tags"),
            Map("customfield_10060", "cf_points"));
        var jira = new JsonObject
        {
            ["summary"] = "Printer on fire",
            ["description"] = Doc("tray 2"),
            ["priority"] = new JsonObject { ["id"] = "1", ["name"] = "Highest" },
            ["duedate"] = "2026-12-24",
            ["assignee"] = new JsonObject { ["accountId"] = "a1", ["emailAddress"] = "Mia.Krystof@sandbox.example", ["displayName"] = "Mia" },
            ["reporter"] = new JsonObject { ["accountId"] = "a2", ["emailAddress"] = "lee@sandbox.example" },
            ["labels"] = new JsonArray("hardware", "big_customer"),
            ["customfield_10060"] = 5.5,
        };

        var plan = ZohoFieldPlanner.Plan(item, new JiraSide(jira, Screen(), JiraAt), Zoho("""{"subject":"Old"}"""), LinkBaselines.Empty);

        plan.Skips.Should().BeEmpty();
        plan.Conflicts.Should().BeEmpty();
        var patch = plan.ToPatch();
        patch["subject"]!.GetValue<string>().Should().Be("Printer on fire");
        patch["description"]!.GetValue<string>().Should().Be("<p>Smoke from <strong>tray 2</strong></p>");
        patch["priority"]!.GetValue<string>().Should().Be("Urgent", "the value map is read backwards");
        patch["dueDate"]!.GetValue<string>().Should().Be("2026-12-24T00:00:00.000Z");
        patch["assigneeId"]!.GetValue<string>().Should().Be("agent-7", "the agent with the user's e-mail");
        patch["cf"]!["cf_owner"]!.GetValue<string>().Should().Be("lee@sandbox.example", "a text field gets the address");
        patch["cf"]!["cf_tags"]!.GetValue<string>().Should().Be("hardware;big_customer");
        patch["cf"]!["cf_points"]!.GetValue<decimal>().Should().Be(5.5m);
    }

    [Fact]
    public void Plan_ValuesZohoCannotTake_AreSkippedWithReasons()
    {
        var item = Item(SyncMode.TwoWay, Map("summary", "subject"), Map("priority", "priority"), Map("assignee", "assigneeId"),
            Map("customfield_10051", "cf_severity"), Map("labels", "cf_missing"));
        var jira = Jira("""
            {"summary": "  ", "priority": {"id": "9", "name": "Blocker"}, "assignee": {"accountId": "x", "emailAddress": "nobody@sandbox.example"},
             "customfield_10051": {"value": "Gold"}, "labels": ["a"]}
            """);

        var plan = ZohoFieldPlanner.Plan(item, jira, Zoho("""{"subject":"Keep me","priority":"Low"}"""), LinkBaselines.Empty);

        plan.Writes.Should().BeEmpty();
        plan.Skips.Select(s => s.ZohoField).Should().BeEquivalentTo("subject", "priority", "assigneeId", "cf_severity", "cf_missing");
        plan.Skips.Single(s => s.ZohoField == "subject").Reason.Should().Contain("requires");
        plan.Skips.Single(s => s.ZohoField == "priority").Reason.Should().Contain("'Blocker' is not a value");
        plan.Skips.Single(s => s.ZohoField == "assigneeId").Reason.Should().Contain("nobody@sandbox.example");
    }

    [Fact]
    public void Plan_OneWayItem_SendsNothingBack()
    {
        var plan = ZohoFieldPlanner.Plan(Item(SyncMode.OneWay, Map("summary", "subject")), Jira("""{"summary":"Jira text"}"""),
            Zoho("""{"subject":"Zoho text"}"""), LinkBaselines.Empty);

        plan.Writes.Should().BeEmpty();
        plan.Skips.Should().BeEmpty();
    }

    [Fact]
    public void Plan_JiraUnchangedSinceTheConnectorWroteIt_IsNoChange()
    {
        // The connector wrote "From Zoho" to Jira; Zoho changed since (its change goes the other way).
        var ledger = Ledger((LinkFieldWrite.JiraSide, "summary", "\"From Zoho\""), (LinkFieldWrite.ZohoSide, "subject", "\"From Zoho\""));

        var plan = ZohoFieldPlanner.Plan(Item(SyncMode.TwoWay, Map("summary", "subject")), Jira("""{"summary":"From Zoho"}"""),
            Zoho("""{"subject":"Newer in Zoho"}"""), ledger);

        plan.Writes.Should().BeEmpty();
        plan.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ValueZohoAlreadyHolds_IsNotSentAgain()
    {
        var plan = ZohoFieldPlanner.Plan(Item(SyncMode.TwoWay, Map("description", "description"), Map("duedate", "dueDate")),
            Jira("""{"duedate":"2026-12-24"}""") with { Fields = new JsonObject { ["description"] = Doc("tray 2"), ["duedate"] = "2026-12-24" } },
            Zoho("""{"description":"<div>Smoke from <b>tray 2</b></div>","dueDate":"2026-12-24T00:00:00.000Z"}"""), LinkBaselines.Empty);

        plan.Writes.Should().BeEmpty();
        plan.Unchanged.Should().BeEquivalentTo("description", "dueDate");
    }

    [Theory]
    [InlineData(SyncMode.TwoWay, null, 5, true)] // Jira changed later: Jira wins
    [InlineData(SyncMode.TwoWay, null, -5, false)] // Zoho changed later: Zoho wins (the Zoho → Jira work applies it)
    [InlineData(SyncMode.Custom, MappingDirection.JiraToZoho, -5, true)] // Jira owns the field: Jira wins though Zoho is later
    public void Plan_BothSidesChanged_IsAConflictWithBothValues(SyncMode mode, MappingDirection? direction, int jiraLaterByMinutes, bool jiraWins)
    {
        var ledger = Ledger((LinkFieldWrite.JiraSide, "summary", "\"Agreed\""), (LinkFieldWrite.ZohoSide, "subject", "\"Agreed\""));

        var plan = ZohoFieldPlanner.Plan(Item(mode, Map("summary", "subject", direction)), Jira("""{"summary":"Jira's"}"""),
            Zoho("""{"subject":"Zoho's"}""", JiraAt.AddMinutes(-jiraLaterByMinutes)), ledger);

        var conflict = plan.Conflicts.Should().ContainSingle().Subject;
        conflict.JiraValue.Should().Be("Jira's");
        conflict.ZohoValue.Should().Be("Zoho's");
        conflict.Winner.Should().Be(jiraWins ? SyncSide.Jira : SyncSide.Zoho);
        plan.Writes.Select(w => w.Value!.GetValue<string>()).Should().Equal(jiraWins ? ["Jira's"] : []);
    }
}
