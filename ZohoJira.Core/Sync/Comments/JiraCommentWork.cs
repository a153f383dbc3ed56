using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.Comments;

/// <summary>The work kind that mirrors one Jira comment of one link into its Zoho record (create or update). One unfinished
/// item per link and comment (the dedupe key), ordered with every other work of the same Zoho record: the Zoho → Jira work
/// a new Zoho comment causes runs after this item has recorded it as a mirror.</summary>
public static class JiraCommentWork
{
    public const string Kind = "jira-comment";

    /// <param name="link">The link whose Zoho record gets the comment.</param>
    /// <param name="commentId">The Jira comment.</param>
    /// <param name="trigger">What found it: webhook, poll.</param>
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
