using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>The two sides of a link.</summary>
public enum SyncSide
{
    Zoho = 0,
    Jira = 1,
}

/// <summary>What one direction of a sync does with one field.</summary>
public enum FieldFlow
{
    /// <summary>Send the source's value to the target.</summary>
    Write = 0,

    /// <summary>Leave the target alone (the source did not change, or the field does not flow this way).</summary>
    Keep = 1,

    /// <summary>Both sides changed since the last sync and the source wins: send it, and record the conflict.</summary>
    ConflictWrite = 2,

    /// <summary>Both sides changed since the last sync and the target wins: leave it (the other direction sends it).</summary>
    ConflictKeep = 3,
}

/// <summary>The decision for one field and why (the reason is shown in the activity for conflicts).</summary>
public readonly record struct FieldFlowDecision(FieldFlow Flow, string Reason)
{
    public bool Writes => Flow is FieldFlow.Write or FieldFlow.ConflictWrite;

    public bool IsConflict => Flow is FieldFlow.ConflictWrite or FieldFlow.ConflictKeep;
}

/// <summary>Decides, for one field and one direction (source → target), whether the source's value goes over. Pure; the
/// same rule serves both directions, so the two handlers of a link always agree.
/// <list type="bullet">
/// <item>"Changed" means: differs from the value the connector last wrote to, or took from, that side (the link's field
/// ledger). A source with no ledger entry counts as changed; a target with none does not (nothing to conflict with).</item>
/// <item>A field owned by the source (one-way: Zoho owns everything; custom: the mapping's direction) is written whenever
/// it differs; when the target changed too, that is a conflict the owner wins.</item>
/// <item>A field owned by the target does not flow this way at all.</item>
/// <item>A field both sides own flows only when the source changed. When the target changed too, the later change wins by
/// the vendors' own timestamps (Jira's <c>updated</c>, Zoho's <c>modifiedTime</c>); a tie or a missing time goes to Zoho,
/// so both directions decide the same way.</item>
/// </list></summary>
public static class FieldConflictRule
{
    /// <summary>Who owns a mapped field under the item's mode: Zoho, Jira, or both (null: it does not flow at all).</summary>
    public static MappingDirection? Owner(FieldMapping mapping, SyncMode mode)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping.DirectionIn(mode);
    }

    /// <summary>Status flows both ways on two-way and custom items, Zoho → Jira only on one-way items.</summary>
    public static MappingDirection? StatusOwner(SyncMode mode) => mode switch
    {
        SyncMode.OneWay => MappingDirection.ZohoToJira,
        SyncMode.TwoWay or SyncMode.Custom => MappingDirection.Both,
        _ => null,
    };

    /// <param name="owner">The field's direction under the item's mode (see <see cref="Owner"/>).</param>
    /// <param name="source">The side the value would come from.</param>
    /// <param name="sourceChanged">The source's value differs from the ledger (or the ledger has none).</param>
    /// <param name="targetChanged">The target's value differs from the ledger (false when the ledger has none).</param>
    /// <param name="sourceChangedAt">The source record's last change, by its vendor's clock.</param>
    /// <param name="targetChangedAt">The target record's last change, by its vendor's clock.</param>
    public static FieldFlowDecision Decide(MappingDirection? owner, SyncSide source, bool sourceChanged, bool targetChanged,
        DateTimeOffset? sourceChangedAt, DateTimeOffset? targetChangedAt)
    {
        var sourceOwns = source == SyncSide.Zoho ? MappingDirection.ZohoToJira : MappingDirection.JiraToZoho;
        var sourceName = Name(source);
        var targetName = Name(Other(source));
        if (owner is null || (owner != MappingDirection.Both && owner != sourceOwns))
        {
            return new FieldFlowDecision(FieldFlow.Keep, $"{targetName} owns the field.");
        }

        if (owner == sourceOwns)
        {
            return targetChanged
                ? new FieldFlowDecision(FieldFlow.ConflictWrite, $"{sourceName} owns the field, so its value wins.")
                : new FieldFlowDecision(FieldFlow.Write, $"{sourceName} owns the field.");
        }

        if (!sourceChanged)
        {
            return new FieldFlowDecision(FieldFlow.Keep, $"{sourceName} has not changed it since the last sync.");
        }

        if (!targetChanged)
        {
            return new FieldFlowDecision(FieldFlow.Write, $"{sourceName} changed it.");
        }

        var zohoAt = source == SyncSide.Zoho ? sourceChangedAt : targetChangedAt;
        var jiraAt = source == SyncSide.Jira ? sourceChangedAt : targetChangedAt;
        var jiraLater = jiraAt is { } j && zohoAt is { } z && j > z;
        var winner = jiraLater ? SyncSide.Jira : SyncSide.Zoho;
        var why = jiraAt is null || zohoAt is null
            ? "one side's change time is unknown, so Zoho wins"
            : jiraAt == zohoAt
                ? "both changed at the same time, so Zoho wins"
                : $"the later change wins ({Name(winner)}, {(jiraLater ? jiraAt : zohoAt):u} against {(jiraLater ? zohoAt : jiraAt):u})";
        return winner == source
            ? new FieldFlowDecision(FieldFlow.ConflictWrite, $"Both sides changed it; {why}.")
            : new FieldFlowDecision(FieldFlow.ConflictKeep, $"Both sides changed it; {why}.");
    }

    private static SyncSide Other(SyncSide side) => side == SyncSide.Zoho ? SyncSide.Jira : SyncSide.Zoho;

    private static string Name(SyncSide side) => side == SyncSide.Zoho ? "Zoho" : "Jira";
}
