using System.Text.Json.Nodes;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.AutoCreate;

/// <summary>The work kinds of auto-create: <see cref="CreateKind"/> makes the Jira issue of one new Zoho record (one
/// unfinished item per item and record, ordered with the record's other work), <see cref="AnnounceKind"/> adds the
/// Zoho link note and the Jira remote link of a new link.</summary>
public static class AutoCreateWork
{
    public const string CreateKind = "jira-create";

    public const string AnnounceKind = "link-announce";

    public static WorkRequest Create(Guid smartItemId, string module, string recordId, string trigger)
    {
        var payload = new JsonObject { ["smartItemId"] = smartItemId.ToString("D"), ["module"] = module, ["recordId"] = recordId, ["trigger"] = trigger };
        return new WorkRequest(CreateKind, $"{CreateKind}:{smartItemId:N}:{recordId}", ZohoPullWork.OrderingKey(module, recordId),
            payload.ToJsonString(), smartItemId);
    }

    public static WorkRequest Announce(Links.Link link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new WorkRequest(AnnounceKind, $"{AnnounceKind}:{link.Id:N}", ZohoPullWork.OrderingKey(link.ZohoModule, link.ZohoRecordId),
            new JsonObject { ["linkId"] = link.Id.ToString("D") }.ToJsonString(), link.SmartItemId, link.Id);
    }

    /// <summary>The searchable label written with the create: <c>zoho-&lt;org&gt;-&lt;module&gt;-&lt;id&gt;</c> (no spaces,
    /// lower case, as Jira labels allow).</summary>
    public static string Marker(string orgId, string module, string recordId) =>
        $"zoho-{orgId}-{module}-{recordId}".ToLowerInvariant().Replace(' ', '_').Replace(':', '-');

    /// <summary>True when auto-create applies to the record: the item creates, and the record was created after the
    /// item's baseline and matches its rules.</summary>
    public static bool IsCandidate(SmartItemModel item, ZohoRecord record)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(record);
        return item is { IsSynchronized: true, Paused: false, Options.AutoCreate: true, Options.AutoCreateBaseline: { } baseline }
            && record.CreatedTime is { } created && created.UtcDateTime > baseline
            && SyncRuleEvaluator.Matches(item.Rules, field => ZohoValues.Text(record, field)); // custom fields (cf_*) included
    }

    /// <summary>The summary when the mapped one is empty: <c>#&lt;number&gt; &lt;subject&gt;</c> for tickets, the
    /// record's title otherwise.</summary>
    public static string FallbackSummary(ZohoRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var number = record.GetString("ticketNumber");
        var title = record.Title;
        return number is null ? title : $"#{number} {title}".Trim();
    }
}
