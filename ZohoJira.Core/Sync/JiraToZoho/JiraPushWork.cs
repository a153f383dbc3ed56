using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>The work kind that brings one link's Zoho record up to date with its Jira issue (mapped fields, then status).
/// One unfinished item per link; it shares the Zoho record's ordering key with the Zoho → Jira work, so the two directions
/// of one record never run at the same time and apply in the order their changes arrived.</summary>
public static class JiraPushWork
{
    public const string Kind = "jira-push";

    /// <param name="link">The link to sync.</param>
    /// <param name="trigger">What asked for it: webhook, manual.</param>
    public static WorkRequest For(Link link, string trigger = "webhook")
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["trigger"] = trigger };
        return new WorkRequest(Kind, DedupeKey(link.Id), ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId), payload.ToJsonString(),
            link.SmartItemId, link.Id);
    }

    public static string DedupeKey(Guid linkId) => $"{Kind}:{linkId:N}";

    internal static Guid Read(WorkItem item)
    {
        var payload = JsonNode.Parse(item.Payload) as JsonObject;
        return payload?["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : item.LinkId ?? Guid.Empty;
    }
}
