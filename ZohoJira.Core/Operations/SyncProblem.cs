using ZohoJira.Core.Common;

namespace ZohoJira.Core.Operations;

/// <summary>One parked or failing unit of work, as the Problems page lists it. <see cref="WaitingBehind"/> counts the later
/// work items of the same Zoho record waiting behind it (work of one record runs in order, so they proceed only once this
/// one is retried successfully or skipped).</summary>
public sealed record SyncProblem(
    long WorkItemId,
    string Kind,
    bool Parked,
    int Attempts,
    DateTime? NextAttemptAt,
    string? Message,
    FailureCategory? Category,
    Guid? SmartItemId,
    string? SmartItemName,
    string? JiraIssueKey,
    string? ZohoRecordId,
    int WaitingBehind,
    DateTime UpdatedAt);
