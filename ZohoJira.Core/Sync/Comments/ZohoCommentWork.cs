using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>The work kind that mirrors one Zoho comment of one link into Jira (create or update). One unfinished item per
/// link and comment (the dedupe key), ordered with every other work of the same Zoho record.</summary>
public static class ZohoCommentWork
{
    public const string Kind = "zoho-comment";

    /// <param name="link">The link whose issue gets the comment.</param>
    /// <param name="commentId">The Zoho comment.</param>
    /// <param name="trigger">What found it: webhook, pull.</param>
    public static WorkRequest For(Link link, string commentId, string trigger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["commentId"] = commentId, ["trigger"] = trigger };
        return new WorkRequest(Kind, $"{Kind}:{link.Id:N}:{commentId}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId),
            payload.ToJsonString(), link.SmartItemId, link.Id);
    }

    internal static (Guid LinkId, string CommentId) Read(WorkItem item)
    {
        var payload = JsonNode.Parse(item.Payload) as JsonObject;
        var linkId = payload?["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : item.LinkId ?? Guid.Empty;
        return (linkId, payload?["commentId"]?.GetValue<string>() ?? string.Empty);
    }
}
