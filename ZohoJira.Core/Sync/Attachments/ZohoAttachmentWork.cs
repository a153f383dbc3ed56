using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>The work kind that copies one Zoho file (of the record, or of one of its ticket's threads) to the link's Jira
/// issue. One unfinished item per link and file, ordered with every other work of the same Zoho record.</summary>
public static class ZohoAttachmentWork
{
    public const string Kind = "zoho-attachment";

    /// <param name="link">The link whose issue gets the file.</param>
    /// <param name="attachment">The Zoho file (its <see cref="ZohoAttachment.ThreadId"/> says whether it is a thread's).</param>
    /// <param name="trigger">What found it: webhook, pull.</param>
    public static WorkRequest For(Link link, ZohoAttachment attachment, string trigger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(attachment);
        return For(link, attachment.Id, attachment.ThreadId, trigger);
    }

    /// <param name="link">The link whose issue gets the file.</param>
    /// <param name="attachmentId">The Zoho file's id.</param>
    /// <param name="threadId">The ticket thread it belongs to, or null for the record's own files.</param>
    /// <param name="trigger">What found it: webhook, pull.</param>
    public static WorkRequest For(Link link, string attachmentId, string? threadId, string trigger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["attachmentId"] = attachmentId, ["threadId"] = threadId, ["trigger"] = trigger };
        return new WorkRequest(Kind, $"{Kind}:{link.Id:N}:{attachmentId}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId),
            payload.ToJsonString(), link.SmartItemId, link.Id);
    }

    internal static (Guid LinkId, string AttachmentId, string? ThreadId) Read(WorkItem item)
    {
        var payload = JsonNode.Parse(item.Payload) as JsonObject;
        var linkId = payload?["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : item.LinkId ?? Guid.Empty;
        return (linkId, payload?["attachmentId"]?.GetValue<string>() ?? string.Empty, payload?["threadId"]?.GetValue<string>());
    }
}
