using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>A link's field ledger as both directions read it: per side, the value (compact JSON) each field held when the
/// connector last synchronized it — written by the connector, or taken from that side and sent to the other. A side whose
/// value still equals its entry has not changed since; so a connector write that comes back is no change at all.</summary>
public sealed class LinkBaselines
{
    public static LinkBaselines Empty { get; } = new([]);

    private readonly Dictionary<(string Side, string Field), string?> _values;

    public LinkBaselines(IEnumerable<LinkFieldWrite> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _values = rows.ToDictionary(r => (r.Side, r.FieldId), r => r.Value);
    }

    public static async Task<LinkBaselines> LoadAsync(ZohoJiraDbContext db, Guid linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new LinkBaselines(await db.LinkFieldWrites.AsNoTracking().Where(w => w.LinkId == linkId).ToListAsync(cancellationToken));
    }

    /// <summary>True and the value when the ledger has an entry for the field (the value may be JSON null).</summary>
    public bool TryGet(string side, string fieldId, out JsonNode? value)
    {
        if (_values.TryGetValue((side, fieldId), out var json))
        {
            value = json is null ? null : JsonNode.Parse(json);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Writes (or replaces) ledger entries of one link in <paramref name="db"/>; the caller saves, in the transaction
    /// that records the sync.</summary>
    public static async Task SetAsync(ZohoJiraDbContext db, Guid linkId, long workItemId, DateTime now,
        IReadOnlyCollection<(string Side, string FieldId, string? Value)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var fieldIds = entries.Select(e => e.FieldId).Distinct().ToList();
        var existing = await db.LinkFieldWrites.Where(w => w.LinkId == linkId && fieldIds.Contains(w.FieldId)).ToListAsync(cancellationToken);
        foreach (var (side, fieldId, value) in entries)
        {
            var row = existing.FirstOrDefault(w => w.Side == side && w.FieldId == fieldId)
                ?? db.LinkFieldWrites.Local.FirstOrDefault(w => w.LinkId == linkId && w.Side == side && w.FieldId == fieldId);
            if (row is null)
            {
                row = new LinkFieldWrite { LinkId = linkId, Side = side, FieldId = fieldId };
                db.LinkFieldWrites.Add(row);
            }

            row.Value = value;
            row.WrittenAt = now;
            row.WorkItemId = workItemId;
        }
    }
}
