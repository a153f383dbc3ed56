using System.Text.Json.Nodes;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>What one Zoho → Jira field sync sends: the fields of one edit request, each write with its Zoho source,
/// the mapped fields left alone because Jira already holds the value, and the skips with their reasons.</summary>
public sealed record JiraFieldPlan(
    IReadOnlyList<PlannedFieldWrite> Writes,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<PlannedFieldSkip> Skips)
{
    public bool HasWrites => Writes.Count > 0;

    /// <summary>The edit request's <c>fields</c> object.</summary>
    public JsonObject ToEditFields()
    {
        var fields = new JsonObject();
        foreach (var write in Writes)
        {
            fields[write.JiraFieldId] = write.Value?.DeepClone();
        }

        return fields;
    }
}
