using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.Attachments;

/// <summary>The work kind that copies one Jira attachment to the link's Zoho record. One unfinished item per link and
/// file, ordered with every other work of the same Zoho record.</summary>
public static class JiraAttachmentWork
{
    public const string Kind = "jira-attachment";

    /// <param name="link">The link whose Zoho record gets the file.</param>
    /// <param name="attachmentId">The Jira attachment.</param>
    /// <param name="trigger">What found it: webhook, poll.</param>
    public static WorkRequest For(Link link, string attachmentId, string trigger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["attachmentId"] = attachmentId, ["trigger"] = trigger };
        return new WorkRequest(Kind, $"{Kind}:{link.Id:N}:{attachmentId}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId),
            payload.ToJsonString(), link.SmartItemId, link.Id);
    }

    internal static (Guid LinkId, string AttachmentId) Read(WorkItem item)
    {
        var payload = JsonNode.Parse(item.Payload) as JsonObject;
        var linkId = payload?["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : item.LinkId ?? Guid.Empty;
        return (linkId, payload?["attachmentId"]?.GetValue<string>() ?? string.Empty);
    }
}
