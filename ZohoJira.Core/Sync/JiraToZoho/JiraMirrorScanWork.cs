using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Work that scans one linked Jira issue for comments and files Zoho has not got yet (the Jira catch-up's answer
/// to lost comment and attachment webhooks); it runs in the Zoho record's order, behind the record's other work.</summary>
public static class JiraMirrorScanWork
{
    public const string Kind = "jira-mirror-scan";

    /// <param name="link">The link whose issue to scan.</param>
    /// <param name="trigger">What asked for it (the catch-up).</param>
    public static WorkRequest For(Link link, string trigger)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["trigger"] = trigger };
        return new WorkRequest(Kind, $"{Kind}:{link.Id:N}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId),
            payload.ToJsonString(), link.SmartItemId, link.Id);
    }

    internal static Guid Read(WorkItem item) =>
        JsonNode.Parse(item.Payload) is JsonObject payload && payload["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id)
            ? id
            : item.LinkId ?? Guid.Empty;
}
