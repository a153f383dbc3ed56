namespace ZohoJira.Core.SmartItems;

/// <summary>One condition on a Zoho field (by API name). <see cref="RuleOperator.In"/> uses every value,
/// <see cref="RuleOperator.IsEmpty"/> none, the others the first.</summary>
public sealed record SyncRule
{
    public required string ZohoField { get; init; }

    public RuleOperator Operator { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];
}
