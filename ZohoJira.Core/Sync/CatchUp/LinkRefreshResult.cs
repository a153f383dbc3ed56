namespace ZohoJira.Core.Sync.CatchUp;

/// <summary>The result of <see cref="LinkRefreshService.RefreshAsync"/>, for the issue panel.</summary>
public sealed record LinkRefreshResult(LinkRefreshOutcome Outcome, string? Message, long? WorkItemId);
