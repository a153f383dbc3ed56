using System.Text.Json;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.IssuePanel;

/// <summary>What the issue panel can show for an issue.</summary>
public enum PanelState
{
    /// <summary>Zoho Desk is not connected: nothing can be shown or linked.</summary>
    ZohoNotConnected,

    /// <summary>Jira is not connected, so the issue cannot be read.</summary>
    JiraNotConnected,

    /// <summary>Jira says the issue does not exist, or the connector's account cannot see it.</summary>
    IssueNotFound,

    /// <summary>The issue was read; <see cref="PanelView.Items"/> lists the items that apply to it (possibly none).</summary>
    Ready,
}

/// <summary>The issue as the panel read it from Jira (once per visit).</summary>
public sealed record PanelIssue(string Id, string Key, string? ProjectKey, string? IssueTypeId, string? IssueTypeName, string? Summary, string? Status);

/// <summary>One field of a Zoho record as the panel shows it: a label and the raw value (formatting is the page's, since
/// it knows the reader's time zone).</summary>
public sealed record PanelField(string ApiName, string Label, JsonElement Value);

/// <summary>A Zoho record read for the panel.</summary>
public sealed record PanelRecord(
    string Id,
    string ModuleApiName,
    string Title,
    string? Number,
    string? WebUrl,
    string? Status,
    IReadOnlyList<PanelField> Fields,
    string? ContactId,
    string? AccountId);

/// <summary>The issue's link under one item, with the linked record as Zoho has it now (or why it could not be read).</summary>
public sealed record PanelLink(
    Guid LinkId,
    LinkKind Kind,
    string ZohoRecordId,
    DateTime CreatedAt,
    DateTime? LastSyncedAt,
    string? LastError,
    DateTime? StoppedAt,
    PanelRecord? Record,
    string? RecordError)
{
    /// <summary>The record is gone from Zoho (deleted, or the link was stopped because of it).</summary>
    public bool IsStopped => StoppedAt is not null;
}

/// <summary>A Smart Connected Item that applies to the issue, and the issue's link under it (null when not linked).</summary>
public sealed record PanelItem(Guid ItemId, string Name, SyncMode Mode, string ZohoModule, string ZohoModuleName, bool StatusSync, bool Paused, PanelLink? Link)
{
    public bool IsSynchronized => Mode != SyncMode.DisplayOnly;
}

/// <summary>One recent activity entry about the issue.</summary>
public sealed record PanelActivity(DateTime OccurredAt, string Direction, string Kind, Activity.ActivityOutcome Outcome, string Message);

/// <summary>Everything the panel shows for one issue.</summary>
public sealed record PanelView(PanelState State, PanelIssue? Issue, IReadOnlyList<PanelItem> Items, IReadOnlyList<PanelActivity> Activity)
{
    public static PanelView Of(PanelState state) => new(state, null, [], []);
}

/// <summary>A search result in the link dialog; <see cref="LinkedTo"/> names the issue it is already linked to under the
/// same item (it cannot be linked twice).</summary>
public sealed record PanelCandidate(string Id, string Title, string? Number, string? Detail, string? LinkedTo);

/// <summary>What linking did, in words for the user.</summary>
public sealed record PanelLinkResult(bool Succeeded, string Message, Guid? LinkId = null);
