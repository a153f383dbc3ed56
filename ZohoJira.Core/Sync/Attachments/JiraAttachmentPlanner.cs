using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Sync.Comments;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>What to do with one Jira file on one link's Zoho record.</summary>
public enum JiraAttachmentAction
{
    /// <summary>Already copied (or skipped, and still too large), gone, or the connector's own copy of a Zoho file.</summary>
    None = 0,

    Upload = 1,

    /// <summary>Over the item's size limit: recorded, not copied.</summary>
    Skip = 2,
}

/// <summary>Decides, without I/O, whether a Jira file is copied to Zoho: once (the ledger), only within the item's size
/// limit, and never a file the connector itself attached (its copy of a Zoho file). A skipped file is copied later if the
/// limit grows to fit it.</summary>
public static class JiraAttachmentPlanner
{
    /// <param name="attachment">The file as the issue lists it now; null when it is gone.</param>
    /// <param name="mirror">Its ledger row on this link, if any.</param>
    /// <param name="sizeLimitBytes">The item's attachment size limit.</param>
    /// <param name="connectorAccountId">The connector's Jira account.</param>
    public static (JiraAttachmentAction Action, string Reason) Plan(JiraAttachment? attachment, AttachmentMirror? mirror, long sizeLimitBytes,
        string? connectorAccountId)
    {
        if (mirror is { Origin: not CommentOrigins.Jira })
        {
            return (JiraAttachmentAction.None, "The file is a copy of a Zoho attachment.");
        }

        if (attachment is null)
        {
            return (JiraAttachmentAction.None, "The Jira file was deleted; deletions are not mirrored.");
        }

        if (connectorAccountId is not null && string.Equals(attachment.Author?.AccountId, connectorAccountId, StringComparison.Ordinal))
        {
            return (JiraAttachmentAction.None, "The connector attached the file: it is a copy of a Zoho attachment.");
        }

        if (mirror is { State: AttachmentMirrorState.Mirrored })
        {
            return (JiraAttachmentAction.None, "Already copied.");
        }

        if (attachment.Size > sizeLimitBytes)
        {
            return mirror is { State: AttachmentMirrorState.Skipped }
                ? (JiraAttachmentAction.None, "Skipped before; still over the limit.")
                : (JiraAttachmentAction.Skip, OverLimit(attachment.FileName, attachment.Size, sizeLimitBytes));
        }

        return (JiraAttachmentAction.Upload, "A new Jira file.");
    }

    public static string OverLimit(string name, long size, long limit) =>
        $"'{name}' ({ZohoAttachmentPlanner.Megabytes(size)}) is over the item's attachment size limit ({ZohoAttachmentPlanner.Megabytes(limit)}); it was not copied to Zoho.";
}
