namespace ZohoJira.Core.SmartItems;

/// <summary>One reason a definition cannot be saved: where (a path into the model the wizard can place it next to, e.g.
/// <c>mappings[2].jiraFieldId</c>), a stable code, and a sentence that names the field and the reason.</summary>
public sealed record SmartItemValidationIssue(string Field, string Code, string Message);
