using ZohoJira.Core.Activity;

namespace ZohoJira.Core.Operations;

/// <summary>What the Activity page filters on; every part is optional.</summary>
public sealed record ActivityFilter(
    Guid? SmartItemId = null,
    string? Direction = null,
    ActivityOutcome? Outcome = null,
    string? JiraIssueKey = null,
    string? ZohoRecordId = null,
    DateTime? From = null,
    DateTime? To = null);
