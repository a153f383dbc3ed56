using System.Globalization;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.SmartItems;

/// <summary>Decides whether a Zoho record matches an item's conditional sync rules. Pure: the record's values come in as
/// text by field API name (as <see cref="ZohoRecord.GetString"/> renders them).</summary>
public static class SyncRuleEvaluator
{
    public static bool Matches(SyncRuleSet rules, ZohoRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Matches(rules, record.GetString);
    }

    public static bool Matches(SyncRuleSet rules, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Matches(rules, field => values.TryGetValue(field, out var value) ? value : null);
    }

    /// <summary>True when the record satisfies the rules: every rule (<see cref="RuleMatch.All"/>) or at least one
    /// (<see cref="RuleMatch.Any"/>). An empty rule set matches every record.</summary>
    public static bool Matches(SyncRuleSet rules, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(valueOf);
        if (rules.Rules.Count == 0)
        {
            return true;
        }

        return rules.Match == RuleMatch.Any
            ? rules.Rules.Any(rule => Matches(rule, valueOf(rule.ZohoField)))
            : rules.Rules.All(rule => Matches(rule, valueOf(rule.ZohoField)));
    }

    /// <summary>Whether one value satisfies one rule. A rule that needs a value and has none never matches.</summary>
    public static bool Matches(SyncRule rule, string? value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var first = rule.Values.Count > 0 ? rule.Values[0] : null;
        return rule.Operator switch
        {
            RuleOperator.IsEmpty => string.IsNullOrWhiteSpace(value),
            RuleOperator.EqualTo => first is not null && SameText(value, first),
            RuleOperator.NotEqualTo => first is not null && !SameText(value, first),
            RuleOperator.In => rule.Values.Any(v => SameText(value, v)),
            RuleOperator.Contains => first is not null && value is not null
                && value.Contains(first.Trim(), StringComparison.OrdinalIgnoreCase),
            RuleOperator.GreaterThan => first is not null && Compare(value, first) is > 0,
            RuleOperator.LessThan => first is not null && Compare(value, first) is < 0,
            _ => false,
        };
    }

    /// <summary>Compares as numbers when both are numbers, else as instants when both are dates; null when neither
    /// (text is not ordered: a rule "greater than" on text never matches).</summary>
    internal static int? Compare(string? value, string bound)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TryNumber(value, out var number) && TryNumber(bound, out var boundNumber))
        {
            return number.CompareTo(boundNumber);
        }

        if (TryInstant(value, out var at) && TryInstant(bound, out var boundAt))
        {
            return at.CompareTo(boundAt);
        }

        return null;
    }

    internal static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);

    internal static bool TryInstant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static bool SameText(string? value, string expected) =>
        string.Equals(value?.Trim() ?? string.Empty, expected.Trim(), StringComparison.OrdinalIgnoreCase);
}
