using ZohoJira.Core.Common;

namespace ZohoJira.Core.Operations;

/// <summary>Problems with one cause (the vendor's message and its category), across items.</summary>
public sealed record SyncProblemGroup(string Cause, FailureCategory? Category, IReadOnlyList<SyncProblem> Problems)
{
    public int SmartItemCount => Problems.Where(p => p.SmartItemId != null).Select(p => p.SmartItemId).Distinct().Count();

    /// <summary>"Jira rejected the transition: Resolution is required — 14 items in 2 SCIs".</summary>
    public string Title =>
        $"{Cause} — {Problems.Count} item{(Problems.Count == 1 ? string.Empty : "s")}"
        + (SmartItemCount == 0 ? string.Empty : $" in {SmartItemCount} SCI{(SmartItemCount == 1 ? string.Empty : "s")}");

    /// <summary>An authentication problem is fixed on the connection page, not by retrying.</summary>
    public bool IsAuthentication => Category == FailureCategory.Authentication;
}
