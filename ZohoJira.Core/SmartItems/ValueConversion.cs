namespace ZohoJira.Core.SmartItems;

/// <summary>How a value is converted when the two fields of a mapping have different types.</summary>
public enum ValueConversion
{
    None = 0,

    /// <summary>Text is read as a number (invariant culture); a value that is not a number is skipped and recorded.</summary>
    ParseNumber = 1,

    /// <summary>Text is read as an ISO 8601 date or date-time; a value that is not one is skipped and recorded.</summary>
    ParseDate = 2,

    /// <summary>Any value is written as its text.</summary>
    ToText = 3,
}
