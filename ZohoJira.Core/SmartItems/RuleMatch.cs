namespace ZohoJira.Core.SmartItems;

/// <summary>Whether a record must satisfy all rules or any one of them.</summary>
public enum RuleMatch
{
    All = 0,
    Any = 1,
}
