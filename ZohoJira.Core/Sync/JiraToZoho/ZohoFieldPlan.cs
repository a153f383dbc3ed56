using System.Text.Json.Nodes;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>One Zoho field the plan sets from a Jira field: the value as it goes into the PATCH (null clears), and the
/// Jira value it came from (compact JSON, kept in the ledger as the Jira side's synced value).</summary>
public sealed record PlannedZohoWrite(string ZohoField, string JiraFieldId, JsonNode? Value, string JiraValue)
{
    /// <summary>The written value as compact JSON (<c>null</c> when cleared): the Zoho side's ledger entry.</summary>
    public string Fingerprint => Value?.ToJsonString() ?? "null";
}

/// <summary>A field both sides changed since the last sync: both values as people read them, who won and why.</summary>
public sealed record FieldConflict(string JiraFieldId, string ZohoField, string? JiraValue, string? ZohoValue, SyncSide Winner, string Reason);

/// <summary>What one Jira → Zoho field sync sends: the fields of one PATCH, the mapped fields left alone (already equal, or
/// not changed in Jira since the last sync), the skips with reasons, and the conflicts decided.</summary>
public sealed record ZohoFieldPlan(
    IReadOnlyList<PlannedZohoWrite> Writes,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ZohoToJira.PlannedFieldSkip> Skips,
    IReadOnlyList<FieldConflict> Conflicts)
{
    public bool HasWrites => Writes.Count > 0;

    /// <summary>The PATCH body: standard fields at the top level, custom fields (<c>cf_…</c>) inside <c>cf</c>, as Zoho
    /// takes them.</summary>
    public JsonObject ToPatch()
    {
        var patch = new JsonObject();
        foreach (var write in Writes)
        {
            if (write.ZohoField.StartsWith("cf_", StringComparison.Ordinal))
            {
                var cf = patch["cf"] as JsonObject ?? new JsonObject();
                patch["cf"] = cf;
                cf[write.ZohoField] = write.Value?.DeepClone();
            }
            else
            {
                patch[write.ZohoField] = write.Value?.DeepClone();
            }
        }

        return patch;
    }
}
