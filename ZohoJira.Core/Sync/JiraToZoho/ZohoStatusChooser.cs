using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>What <see cref="ZohoStatusChooser"/> decided: nothing to do, a Zoho status to set (with the rule that chose
/// it), or no match (with a reason an admin can act on).</summary>
public sealed record ZohoStatusDecision(ZohoStatusDecisionKind Kind, string? Status, string Reason)
{
    public static ZohoStatusDecision Aligned(string reason) => new(ZohoStatusDecisionKind.Aligned, null, reason);

    public static ZohoStatusDecision Set(string status, string rule) => new(ZohoStatusDecisionKind.Set, status, rule);

    public static ZohoStatusDecision NoMatch(string reason) => new(ZohoStatusDecisionKind.NoMatch, null, reason);
}

public enum ZohoStatusDecisionKind
{
    Aligned = 0,
    Set = 1,
    NoMatch = 2,
}

/// <summary>Maps a Jira status back to a value of the item's Zoho status field. Pure. In order: the item's value map read
/// backwards (Jira status → Zoho status), a Zoho status of the same name, then a Zoho status of the type that matches the
/// Jira status category (To Do → Open, In Progress → On Hold, Done → Closed) — unless the record's status already has that
/// type, which counts as aligned (so a Zoho → Jira move by category never bounces back as a different Zoho status).</summary>
public static class ZohoStatusChooser
{
    /// <param name="settings">The item's status settings.</param>
    /// <param name="jiraStatus">The status.</param>
    /// <param name="currentZohoStatus">The record's status now (null when blank).</param>
    /// <param name="zohoStatuses">The values of the Zoho status field, with their status types where Zoho gives them.</param>
    public static ZohoStatusDecision Choose(StatusSyncSettings settings, JiraStatus jiraStatus, string? currentZohoStatus,
        IReadOnlyList<ZohoFieldValue> zohoStatuses)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(jiraStatus);
        ArgumentNullException.ThrowIfNull(zohoStatuses);
        var mapped = settings.ValueMap.FirstOrDefault(e => SameName(e.JiraValue, jiraStatus.Name));
        if (mapped is not null)
        {
            return SameName(currentZohoStatus, mapped.ZohoValue)
                ? ZohoStatusDecision.Aligned($"'{currentZohoStatus}' is the Zoho status mapped to '{jiraStatus.Name}'.")
                : ZohoStatusDecision.Set(mapped.ZohoValue, $"the value map ('{jiraStatus.Name}' → '{mapped.ZohoValue}')");
        }

        if (SameName(currentZohoStatus, jiraStatus.Name))
        {
            return ZohoStatusDecision.Aligned($"Zoho's status is already '{currentZohoStatus}'.");
        }

        var named = zohoStatuses.FirstOrDefault(s => SameName(s.Value, jiraStatus.Name));
        if (named is not null)
        {
            return ZohoStatusDecision.Set(named.Value, "the same name");
        }

        var type = TypeFor(jiraStatus.CategoryKey);
        if (type is null)
        {
            return ZohoStatusDecision.NoMatch(
                $"No Zoho status is named '{jiraStatus.Name}' and its Jira category is unknown; add it to the item's status map.");
        }

        var currentType = zohoStatuses.FirstOrDefault(s => SameName(s.Value, currentZohoStatus))?.StatusType;
        if (SameName(currentType, type))
        {
            return ZohoStatusDecision.Aligned($"Zoho's status '{currentZohoStatus}' is already of type {type}, like Jira's '{jiraStatus.Name}'.");
        }

        var ofType = zohoStatuses.Where(s => SameName(s.StatusType, type)).ToList();
        var pick = ofType.FirstOrDefault(s => SameName(s.Value, type)) ?? ofType.FirstOrDefault();
        return pick is null
            ? ZohoStatusDecision.NoMatch($"No Zoho status is named '{jiraStatus.Name}' or has the type {type}; add it to the item's status map.")
            : ZohoStatusDecision.Set(pick.Value, $"the status type ({jiraStatus.CategoryName ?? jiraStatus.CategoryKey} → {type})");
    }

    /// <summary>The Zoho status type that matches a Jira status category key.</summary>
    public static string? TypeFor(string? categoryKey) => categoryKey switch
    {
        "new" => "Open",
        "indeterminate" => "On Hold",
        "done" => "Closed",
        _ => null,
    };

    private static bool SameName(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
