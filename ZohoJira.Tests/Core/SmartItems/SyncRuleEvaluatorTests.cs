using ZohoJira.Core.SmartItems;

namespace ZohoJira.Tests.Core.SmartItems;

public sealed class SyncRuleEvaluatorTests
{
    private static readonly Dictionary<string, string?> Ticket = new(StringComparer.Ordinal)
    {
        ["priority"] = "High",
        ["departmentId"] = "1000",
        ["channel"] = "Email",
        ["subject"] = "Printer on fire in building B",
        ["cf_severity"] = null,
        ["cf_points"] = "8",
        ["dueDate"] = "2026-03-10T12:00:00.000Z",
        ["classification"] = "  ",
    };

    [Theory]
    [InlineData("priority", RuleOperator.EqualTo, "High", true)]
    [InlineData("priority", RuleOperator.EqualTo, "high", true)]
    [InlineData("priority", RuleOperator.EqualTo, "Low", false)]
    [InlineData("priority", RuleOperator.NotEqualTo, "Low", true)]
    [InlineData("priority", RuleOperator.NotEqualTo, "High", false)]
    [InlineData("cf_severity", RuleOperator.NotEqualTo, "Critical", true)]
    [InlineData("priority", RuleOperator.In, "Low|High", true)]
    [InlineData("priority", RuleOperator.In, "Low|Medium", false)]
    [InlineData("subject", RuleOperator.Contains, "ON FIRE", true)]
    [InlineData("subject", RuleOperator.Contains, "flood", false)]
    [InlineData("cf_severity", RuleOperator.Contains, "x", false)]
    [InlineData("cf_severity", RuleOperator.IsEmpty, null, true)]
    [InlineData("classification", RuleOperator.IsEmpty, null, true)]
    [InlineData("missingField", RuleOperator.IsEmpty, null, true)]
    [InlineData("priority", RuleOperator.IsEmpty, null, false)]
    [InlineData("cf_points", RuleOperator.GreaterThan, "5", true)]
    [InlineData("cf_points", RuleOperator.GreaterThan, "8", false)]
    [InlineData("cf_points", RuleOperator.GreaterThan, "10.5", false)]
    [InlineData("cf_points", RuleOperator.LessThan, "10.5", true)]
    [InlineData("cf_points", RuleOperator.LessThan, "8", false)]
    [InlineData("dueDate", RuleOperator.GreaterThan, "2026-03-01", true)]
    [InlineData("dueDate", RuleOperator.LessThan, "2026-03-01", false)]
    [InlineData("dueDate", RuleOperator.LessThan, "2026-03-10T13:00:00Z", true)]
    [InlineData("subject", RuleOperator.GreaterThan, "A", false)]
    [InlineData("cf_severity", RuleOperator.LessThan, "5", false)]
    [InlineData("priority", RuleOperator.EqualTo, null, false)]
    public void OneRule(string field, RuleOperator op, string? values, bool expected)
    {
        var rules = new SyncRuleSet { Rules = [Rule(field, op, values)] };

        SyncRuleEvaluator.Matches(rules, Ticket).Should().Be(expected);
    }

    [Theory]
    [InlineData(RuleMatch.All, "High", "Email", true)]
    [InlineData(RuleMatch.All, "High", "Phone", false)]
    [InlineData(RuleMatch.All, "Low", "Phone", false)]
    [InlineData(RuleMatch.Any, "High", "Phone", true)]
    [InlineData(RuleMatch.Any, "Low", "Email", true)]
    [InlineData(RuleMatch.Any, "Low", "Phone", false)]
    public void AllOfAndAnyOf(RuleMatch match, string priority, string channel, bool expected)
    {
        var rules = new SyncRuleSet
        {
            Match = match,
            Rules = [Rule("priority", RuleOperator.EqualTo, priority), Rule("channel", RuleOperator.EqualTo, channel)],
        };

        SyncRuleEvaluator.Matches(rules, Ticket).Should().Be(expected);
    }

    [Theory]
    [InlineData(RuleMatch.All)]
    [InlineData(RuleMatch.Any)]
    public void NoRules_MatchEveryRecord(RuleMatch match) =>
        SyncRuleEvaluator.Matches(new SyncRuleSet { Match = match }, Ticket).Should().BeTrue();

    [Theory]
    [InlineData("cf_points", RuleOperator.GreaterThan, "5", true)]
    [InlineData("cf_severity", RuleOperator.EqualTo, "Critical", true)]
    [InlineData("priority", RuleOperator.EqualTo, "High", true)]
    [InlineData("cf_missing", RuleOperator.IsEmpty, null, true)]
    public void ARecordAsZohoSendsIt_IsReadWithItsCustomFieldsInsideCf(string field, RuleOperator op, string? values, bool expected)
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{"priority":"High","cf":{"cf_points":"8","cf_severity":"Critical"}}""");
        var record = new ZohoJira.Core.Zoho.Models.ZohoRecord("1", ZohoJira.Core.Zoho.Models.ZohoModule.Tickets,
            json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

        SyncRuleEvaluator.Matches(new SyncRuleSet { Rules = [Rule(field, op, values)] }, record).Should().Be(expected);
    }

    private static SyncRule Rule(string field, RuleOperator op, string? values) => new()
    {
        ZohoField = field,
        Operator = op,
        Values = values is null ? [] : values.Split('|'),
    };
}
