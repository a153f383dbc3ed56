namespace ZohoJira.Core.SmartItems;

/// <summary>The comparisons a conditional sync rule can make on a Zoho field.</summary>
public enum RuleOperator
{
    /// <summary>The value equals the rule's value (case-insensitive).</summary>
    EqualTo = 0,

    NotEqualTo = 1,

    /// <summary>The value is one of the rule's values.</summary>
    In = 2,

    /// <summary>The value contains the rule's value (case-insensitive).</summary>
    Contains = 3,

    /// <summary>The field is absent, null or blank; the rule has no value.</summary>
    IsEmpty = 4,

    /// <summary>Numbers or dates: the value is greater (later) than the rule's value.</summary>
    GreaterThan = 5,

    /// <summary>Numbers or dates: the value is less (earlier) than the rule's value.</summary>
    LessThan = 6,
}
