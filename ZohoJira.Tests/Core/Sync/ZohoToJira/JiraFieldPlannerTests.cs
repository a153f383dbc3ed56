using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.ZohoToJira;
using static ZohoJira.Tests.Core.Sync.ZohoToJira.PlannerSupport;

namespace ZohoJira.Tests.Core.Sync.ZohoToJira;

public sealed class JiraFieldPlannerTests
{
    private static readonly JiraAllowedValue[] Priorities =
        [new("1", "Highest", null), new("2", "High", null), new("3", "Medium", null), new("4", "Low", null)];

    private static readonly JiraAllowedValue[] Tiers = [new("10100", null, "Gold"), new("10101", null, "Silver")];

    [Theory]
    [InlineData(SyncMode.OneWay, null, true)]
    [InlineData(SyncMode.TwoWay, null, true)]
    [InlineData(SyncMode.Custom, MappingDirection.ZohoToJira, true)]
    [InlineData(SyncMode.Custom, MappingDirection.Both, true)]
    [InlineData(SyncMode.Custom, MappingDirection.JiraToZoho, false)]
    [InlineData(SyncMode.DisplayOnly, null, false)]
    public void Plan_Direction_WritesOnlyWhenZohoFlowsToJira(SyncMode mode, MappingDirection? direction, bool writes)
    {
        var plan = JiraFieldPlanner.Plan(Item(mode, Map("summary", "subject", direction)), Ticket("""{"subject":"Printer on fire"}"""),
            Current("""{"summary":"Old"}"""), Screen(Field("summary", "string", required: true)), NoUsers);

        plan.Writes.Select(w => w.JiraFieldId).Should().BeEquivalentTo(writes ? ["summary"] : Array.Empty<string>());
        plan.Skips.Should().BeEmpty();
        if (writes)
        {
            plan.ToEditFields()["summary"]!.GetValue<string>().Should().Be("Printer on fire");
        }
    }

    [Fact]
    public void Plan_ValueJiraAlreadyHolds_IsNotSent()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("summary", "subject"), Map("priority", "priority")),
            Ticket("""{"subject":"Same","priority":"High"}"""),
            Current("""{"summary":"Same","priority":{"id":"2","name":"High"}}"""),
            Screen(Field("summary", "string"), Field("priority", "priority", allowed: Priorities)), NoUsers);

        plan.HasWrites.Should().BeFalse();
        plan.Unchanged.Should().BeEquivalentTo("summary", "priority");
    }

    [Theory]
    [InlineData("""{"duedate":"2026-05-01"}""", false, "cleared")]
    [InlineData("""{"duedate":null}""", false, "unchanged")]
    [InlineData("""{"duedate":"2026-05-01"}""", true, "skipped")]
    public void Plan_BlankZohoValue_ClearsOptionalKeepsRequired(string current, bool required, string expected)
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("duedate", "dueDate")), Ticket("""{"dueDate":null}"""),
            Current(current), Screen(Field("duedate", "date", required)), NoUsers);

        var outcome = plan.Writes.Count == 1 ? "cleared" : plan.Unchanged.Count == 1 ? "unchanged" : plan.Skips.Count == 1 ? "skipped" : "none";
        outcome.Should().Be(expected);
        if (expected == "cleared")
        {
            plan.ToEditFields().ContainsKey("duedate").Should().BeTrue();
            plan.ToEditFields()["duedate"].Should().BeNull();
        }

        if (expected == "skipped")
        {
            plan.Skips[0].Reason.Should().Contain("blank").And.Contain("requires");
        }
    }

    [Fact]
    public void Plan_BlankIntoLabels_ClearsWithEmptyArray()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("labels", "cf_tags")), Ticket("""{"cf":{"cf_tags":""}}"""),
            Current("""{"labels":["vip"]}"""), Screen(Field("labels", "array", items: "string")), NoUsers);

        plan.ToEditFields()["labels"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Plan_ValueMap_TranslatesBeforeMatchingOptions()
    {
        var item = Item(SyncMode.OneWay, Map("priority", "priority", null, new ValueMapEntry("Urgent", "Highest")),
            Map("customfield_10051", "cf_tier", null, new ValueMapEntry("G", "Gold")));
        var plan = JiraFieldPlanner.Plan(item, Ticket("""{"priority":"urgent","cf":{"cf_tier":"G"}}"""), Current(),
            Screen(Field("priority", "priority", allowed: Priorities), Field("customfield_10051", "option", custom: "select", allowed: Tiers)), NoUsers);

        var fields = plan.ToEditFields();
        fields["priority"]!["id"]!.GetValue<string>().Should().Be("1");
        fields["customfield_10051"]!["id"]!.GetValue<string>().Should().Be("10100");
    }

    [Fact]
    public void Plan_OptionJiraDoesNotOffer_IsSkippedWithReason()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("priority", "priority")), Ticket("""{"priority":"Whenever"}"""),
            Current(), Screen(Field("priority", "priority", allowed: Priorities)), NoUsers);

        plan.HasWrites.Should().BeFalse();
        plan.Skips.Single().Reason.Should().Contain("'Whenever' is not a value").And.Contain("value map");
    }

    [Theory]
    [InlineData("number", "12.50", "12.50")]
    [InlineData("number", "1e3", "1000")]
    [InlineData("date", "2026-03-04T22:30:00.000Z", "\"2026-03-04\"")]
    [InlineData("date", "2026-03-04", "\"2026-03-04\"")]
    [InlineData("datetime", "2026-03-04T22:30:00+02:00", "\"2026-03-04T20:30:00.000+0000\"")]
    [InlineData("string", "42", "\"42\"")]
    public void Plan_TypeConversion_WritesJiraShape(string type, string zoho, string expectedJson)
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("customfield_1", "cf_x")),
            Ticket($$$"""{"cf":{"cf_x":{{{System.Text.Json.JsonSerializer.Serialize(zoho)}}}}}"""),
            Current(), Screen(Field("customfield_1", type, custom: "x")), NoUsers);

        var written = plan.ToEditFields()["customfield_1"]!;
        if (type == "number")
        {
            written.GetValue<decimal>().Should().Be(decimal.Parse(expectedJson, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            written.GetValue<string>().Should().Be(System.Text.Json.JsonSerializer.Deserialize<string>(expectedJson));
        }
    }

    [Theory]
    [InlineData("number", "twelve")]
    [InlineData("date", "next week")]
    [InlineData("datetime", "soon")]
    public void Plan_ValueThatDoesNotConvert_IsSkipped(string type, string zoho)
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("customfield_1", "cf_x")), Ticket($$$"""{"cf":{"cf_x":"{{{zoho}}}"}}"""),
            Current(), Screen(Field("customfield_1", type, custom: "x")), NoUsers);

        plan.HasWrites.Should().BeFalse();
        plan.Skips.Single().Reason.Should().Contain(zoho);
    }

    [Fact]
    public void Plan_NumberJiraAlreadyHolds_ComparesAsNumbers()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("customfield_1", "cf_x")), Ticket("""{"cf":{"cf_x":"12.50"}}"""),
            Current("""{"customfield_1":12.5}"""), Screen(Field("customfield_1", "number", custom: "x")), NoUsers);

        plan.Unchanged.Should().Equal("customfield_1");
    }

    [Fact]
    public void Plan_UserByEmail_UsesTheLookedUpAccountOrSkips()
    {
        var item = Item(SyncMode.OneWay, Map("assignee", "email"), Map("reporter", "cf_reporter"));
        var record = Ticket("""{"email":"Mia@Example.com","cf":{"cf_reporter":"ghost@example.com"}}""");
        var screen = Screen(Field("assignee", "user"), Field("reporter", "user"));
        JiraFieldPlanner.UserEmailsNeeded(item, record, screen).Should().BeEquivalentTo("Mia@Example.com", "ghost@example.com");
        var users = new Dictionary<string, JiraUser?>(StringComparer.OrdinalIgnoreCase)
        {
            ["mia@example.com"] = new JiraUser("acc-mia", "Mia", "mia@example.com", "atlassian", true),
            ["ghost@example.com"] = null,
        };

        var plan = JiraFieldPlanner.Plan(item, record, Current(), screen, users);

        plan.ToEditFields()["assignee"]!["accountId"]!.GetValue<string>().Should().Be("acc-mia");
        plan.Skips.Single().Should().Match<PlannedFieldSkip>(s => s.JiraFieldId == "reporter" && s.Reason.Contains("ghost@example.com"));
    }

    [Fact]
    public void Plan_RichText_ConvertsHtmlToAdf()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("description", "description")),
            Ticket("""{"description":"<div>Hello <b>world</b></div>"}"""), Current(), Screen(Field("description", "string")), NoUsers);

        var doc = plan.ToEditFields()["description"]!.AsObject();
        doc["type"]!.GetValue<string>().Should().Be("doc");
        var text = doc["content"]![0]!["content"]!.AsArray();
        text.Should().Contain(n => n!["text"]!.GetValue<string>() == "world" && n["marks"]![0]!["type"]!.GetValue<string>() == "strong");
    }

    [Fact]
    public void Plan_RichTextJiraAlreadyHolds_IsNotSentAgain()
    {
        var html = "<div>Hello <b>world</b></div>";
        var first = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("description", "description")), Ticket($$"""{"description":"{{html}}"}"""),
            Current(), Screen(Field("description", "string")), NoUsers);
        var current = new JsonObject { ["description"] = first.Writes[0].Value!.DeepClone() };

        var second = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("description", "description")), Ticket($$"""{"description":"{{html}}"}"""),
            current, Screen(Field("description", "string")), NoUsers);

        second.HasWrites.Should().BeFalse();
    }

    [Fact]
    public void Plan_PlainTextIntoRichText_KeepsLineBreaksAndEscapes()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("customfield_10052", "cf_cause")),
            Ticket("""{"cf":{"cf_cause":"a & b\nnext"}}"""), Current(),
            Screen(Field("customfield_10052", "string", custom: "com.atlassian.jira.plugin.system.customfieldtypes:textarea")), NoUsers);

        var content = plan.ToEditFields()["customfield_10052"]!["content"]![0]!["content"]!.AsArray();
        content.Select(n => n!["text"]?.GetValue<string>() ?? n["type"]!.GetValue<string>()).Should().Equal("a & b", "hardBreak", "next");
    }

    [Fact]
    public void Plan_MultiSelectIntoLabelsAndOptions_SplitsMapsAndComparesAsSets()
    {
        var item = Item(SyncMode.OneWay, Map("labels", "cf_tags"), Map("customfield_2", "cf_tiers"));
        var record = Ticket("""{"cf":{"cf_tags":"big customer;urgent","cf_tiers":"Gold;Silver"}}""");
        var screen = Screen(Field("labels", "array", items: "string"), Field("customfield_2", "array", items: "option", custom: "multiselect", allowed: Tiers));

        var plan = JiraFieldPlanner.Plan(item, record, Current(), screen, NoUsers);
        plan.ToEditFields()["labels"]!.ToJsonString().Should().Be("""["big_customer","urgent"]""");
        plan.ToEditFields()["customfield_2"]!.ToJsonString().Should().Be("""[{"id":"10100"},{"id":"10101"}]""");

        var again = JiraFieldPlanner.Plan(item, record,
            Current("""{"labels":["urgent","big_customer"],"customfield_2":[{"id":"10101","value":"Silver"},{"id":"10100","value":"Gold"}]}"""), screen, NoUsers);
        again.HasWrites.Should().BeFalse();
    }

    [Fact]
    public void Plan_FieldMissingOnEitherSide_IsSkippedWithReason()
    {
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("duedate", "dueDate"), Map("summary", "cf_nothing")),
            Ticket("""{"dueDate":"2026-01-01"}"""), Current(), Screen(Field("summary", "string")), NoUsers);

        plan.HasWrites.Should().BeFalse();
        plan.Skips.Select(s => s.JiraFieldId).Should().BeEquivalentTo("duedate", "summary");
        plan.Skips.Single(s => s.JiraFieldId == "duedate").Reason.Should().Contain("not on the issue's screen");
        plan.Skips.Single(s => s.JiraFieldId == "summary").Reason.Should().Contain("no field 'cf_nothing'");
    }

    [Fact]
    public void Plan_LongMultilineSummary_IsOneLineAndTruncated()
    {
        var subject = "first\nsecond " + new string('x', 300);
        var plan = JiraFieldPlanner.Plan(Item(SyncMode.OneWay, Map("summary", "subject")),
            Ticket($$"""{"subject":{{System.Text.Json.JsonSerializer.Serialize(subject)}}}"""), Current(), Screen(Field("summary", "string")), NoUsers);

        var summary = plan.ToEditFields()["summary"]!.GetValue<string>();
        summary.Should().StartWith("first second ").And.HaveLength(JiraFieldPlanner.SummaryMaxLength);
    }
}
