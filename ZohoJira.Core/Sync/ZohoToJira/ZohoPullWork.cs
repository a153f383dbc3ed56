using System.Text.Json.Nodes;
using ZohoJira.Core.Links;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>The work kind that brings one link's Jira issue up to date with its Zoho record (fields, then status). One
/// unfinished item per link (the dedupe key); ordered with every other work of the same Zoho record.</summary>
public static class ZohoPullWork
{
    public const string Kind = "zoho-pull";

    /// <param name="link">The link to sync.</param>
    /// <param name="runId">The <see cref="SyncRun"/> whose figures the work adds to, when a cycle enqueued it.</param>
    /// <param name="trigger">What asked for it: schedule, manual, webhook, panel.</param>
    public static WorkRequest For(Link link, long? runId = null, string trigger = "webhook")
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = new JsonObject { ["linkId"] = link.Id.ToString("D"), ["runId"] = runId, ["trigger"] = trigger };
        return new WorkRequest(Kind, DedupeKey(link.Id), OrderingKey(link.ZohoModule, link.ZohoRecordId), payload.ToJsonString(),
            link.SmartItemId, link.Id);
    }

    public static string DedupeKey(Guid linkId) => $"{Kind}:{linkId:N}";

    /// <summary>Every work item about one Zoho record shares this key, so they run one at a time, in order.</summary>
    public static string OrderingKey(string module, string recordId) => $"zoho:{module}:{recordId}";

    internal static (Guid LinkId, long? RunId) Read(WorkItem item)
    {
        var payload = JsonNode.Parse(item.Payload) as JsonObject;
        var linkId = payload?["linkId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : item.LinkId ?? Guid.Empty;
        var runId = payload?["runId"] is JsonValue run && run.TryGetValue<long>(out var value) ? value : (long?)null;
        return (linkId, runId);
    }
}
