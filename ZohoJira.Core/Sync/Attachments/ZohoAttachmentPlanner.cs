using System.Globalization;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>What to do with one Zoho file on one link's Jira issue.</summary>
public enum ZohoAttachmentAction
{
    /// <summary>Already copied (or skipped, and still too large), or the connector's own copy of a Jira file.</summary>
    None = 0,

    Upload = 1,

    /// <summary>Over the item's size limit: recorded, not copied.</summary>
    Skip = 2,
}

/// <summary>Decides, without I/O, whether a Zoho file is copied to Jira: once (the ledger), and only within the item's
/// size limit. A skipped file is copied later if the limit grows to fit it.</summary>
public static class ZohoAttachmentPlanner
{
    public static (ZohoAttachmentAction Action, string Reason) Plan(ZohoAttachment attachment, AttachmentMirror? mirror, long sizeLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (mirror is { Origin: not Comments.CommentOrigins.Zoho })
        {
            return (ZohoAttachmentAction.None, "The file is a copy of a Jira attachment.");
        }

        if (mirror is { State: AttachmentMirrorState.Mirrored })
        {
            return (ZohoAttachmentAction.None, "Already copied.");
        }

        if (attachment.Size > sizeLimitBytes)
        {
            return mirror is { State: AttachmentMirrorState.Skipped }
                ? (ZohoAttachmentAction.None, "Skipped before; still over the limit.")
                : (ZohoAttachmentAction.Skip, OverLimit(attachment.Name, attachment.Size, sizeLimitBytes));
        }

        return (ZohoAttachmentAction.Upload, "A new Zoho file.");
    }

    public static string OverLimit(string name, long size, long limit) =>
        $"'{name}' ({Megabytes(size)}) is over the item's attachment size limit ({Megabytes(limit)}); it was not copied to Jira.";

    public static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
