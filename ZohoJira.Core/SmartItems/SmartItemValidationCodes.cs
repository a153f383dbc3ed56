namespace ZohoJira.Core.SmartItems;

/// <summary>The codes of <see cref="SmartItemValidationIssue"/>.</summary>
public static class SmartItemValidationCodes
{
    public const string Required = "required";
    public const string DuplicateName = "duplicate-name";
    public const string TooLong = "too-long";
    public const string MissingIssueType = "missing-issue-type";
    public const string MissingDirection = "missing-direction";
    public const string DuplicateTarget = "duplicate-target";
    public const string NotForDisplayOnly = "not-for-display-only";
    public const string MissingBaseline = "missing-baseline";
    public const string InvalidLimit = "invalid-limit";
    public const string RuleValueMissing = "rule-value-missing";
    public const string JiraFieldNotOnScreen = "jira-field-not-on-screen";
    public const string RequiredFieldUnmapped = "required-field-unmapped";
    public const string TypeMismatch = "type-mismatch";
    public const string ValueMapTargetMissing = "value-map-target-missing";
    public const string ModuleNotPollable = "module-not-pollable";
    public const string ZohoFieldUnknown = "zoho-field-unknown";
    public const string RuleFieldUnknown = "rule-field-unknown";
}
