using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>Chooses the Jira transition that brings an issue to the Zoho record's status. Pure. In order:
/// <list type="number">
/// <item>the item's explicit value map (Zoho status → Jira status name): only that status will do;</item>
/// <item>a transition whose target status has the Zoho status's name;</item>
/// <item>a transition whose target's category matches the Zoho status type (Open ↔ To Do, On Hold ↔ In Progress,
/// Closed ↔ Done) — unless the issue is already in that category;</item>
/// <item>the transition whose target name is closest to the Zoho status (similar enough to be a spelling of it).</item>
/// </list>
/// Fields a transition requires come from the item's transition defaults; a transition that needs one nobody configured is
/// passed over, and when nothing fits the decision says why (the engine records it and does not retry).</summary>
public static class JiraStatusChooser
{
    /// <summary>How similar two names must be (0..1) for "closest name" to pick a transition.</summary>
    public const double MinimumSimilarity = 0.6;

    /// <summary>The Jira status category key that matches a Zoho status type; null for an unknown type.</summary>
    public static string? CategoryFor(string? zohoStatusType) =>
        Normalize(zohoStatusType) switch
        {
            "open" => "new",
            "onhold" => "indeterminate",
            "closed" => "done",
            _ => null,
        };

    /// <summary>True when Jira is already in the status the Zoho status names (directly or through the value map), so the
    /// transitions need not be read. False does not mean a transition will be made: only <see cref="Choose"/>, which sees
    /// the transitions, can tell whether a status merely in the matching category will do.</summary>
    public static bool IsAligned(StatusSyncSettings settings, string zohoStatus, JiraStatus current)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(current);
        var mapped = settings.ValueMap.FirstOrDefault(e => SameName(e.ZohoValue, zohoStatus));
        return SameName(current.Name, mapped?.JiraValue ?? zohoStatus);
    }

    public static StatusDecision Choose(StatusSyncSettings settings, string zohoStatus, string? zohoStatusType, JiraStatus current,
        IReadOnlyList<JiraTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(zohoStatus);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(transitions);
        var mapped = settings.ValueMap.FirstOrDefault(e => SameName(e.ZohoValue, zohoStatus));
        if (mapped is not null)
        {
            if (SameName(current.Name, mapped.JiraValue))
            {
                return StatusDecision.Aligned($"'{current.Name}' is the status mapped to '{zohoStatus}'.");
            }

            return Pick(transitions.Where(t => SameName(t.To.Name, mapped.JiraValue)), settings,
                $"the value map ('{zohoStatus}' → '{mapped.JiraValue}')",
                $"'{zohoStatus}' is mapped to the Jira status '{mapped.JiraValue}', and no transition from '{current.Name}' leads there.");
        }

        if (SameName(current.Name, zohoStatus))
        {
            return StatusDecision.Aligned($"Jira is already in '{current.Name}'.");
        }

        var byName = transitions.Where(t => SameName(t.To.Name, zohoStatus)).ToList();
        if (byName.Count > 0)
        {
            return Pick(byName, settings, "the status name", string.Empty);
        }

        var category = CategoryFor(zohoStatusType);
        if (category is not null)
        {
            if (string.Equals(current.CategoryKey, category, StringComparison.OrdinalIgnoreCase))
            {
                return StatusDecision.Aligned($"'{current.Name}' is in the category that matches the Zoho status type '{zohoStatusType}'.");
            }

            var byCategory = transitions.Where(t => string.Equals(t.To.CategoryKey, category, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(t => Similarity(t.To.Name, zohoStatus))
                .ToList();
            if (byCategory.Count > 0)
            {
                return Pick(byCategory, settings, $"the status category (Zoho type '{zohoStatusType}')", string.Empty);
            }
        }

        var closest = transitions
            .Select(t => (Transition: t, Score: Similarity(t.To.Name, zohoStatus)))
            .Where(x => x.Score >= MinimumSimilarity)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Transition)
            .ToList();
        if (closest.Count > 0)
        {
            return Pick(closest, settings, "the closest status name", string.Empty);
        }

        var offered = transitions.Count == 0 ? "none" : string.Join(", ", transitions.Select(t => $"'{t.To.Name}'").Distinct());
        return StatusDecision.NoPath(
            $"No Jira transition from '{current.Name}' fits the Zoho status '{zohoStatus}' (transitions lead to: {offered}). Map the status in the item's status settings.");
    }

    /// <summary>The first candidate whose required screen fields all have a configured default.</summary>
    private static StatusDecision Pick(IEnumerable<JiraTransition> candidates, StatusSyncSettings settings, string rule, string noneReason)
    {
        string? missing = null;
        foreach (var transition in candidates)
        {
            var fields = new JsonObject();
            var lacking = new List<string>();
            foreach (var field in transition.Fields)
            {
                var value = settings.TransitionDefaults.FirstOrDefault(d => string.Equals(d.JiraFieldId, field.FieldId, StringComparison.Ordinal))?.Value;
                if (value is not null && FieldValue(field, value) is { } node)
                {
                    fields[field.FieldId] = node;
                }
                else if (field.Required && !field.HasDefaultValue)
                {
                    lacking.Add(field.Name);
                }
            }

            if (lacking.Count == 0)
            {
                return StatusDecision.Move(transition, fields, rule);
            }

            missing ??= $"The transition '{transition.Name}' to '{transition.To.Name}' requires {string.Join(", ", lacking)}; set a default for it in the item's status settings.";
        }

        return StatusDecision.NoPath(missing ?? noneReason);
    }

    /// <summary>A default as the field takes it: an allowed value by name or id, or text; null when the field does not
    /// offer it.</summary>
    private static JsonNode? FieldValue(JiraFieldMeta field, string value)
    {
        if (field.AllowedValues.Count > 0)
        {
            var match = field.AllowedValues.FirstOrDefault(v => SameName(v.Label, value) || v.Id == value);
            return match is null ? null : match.Id is not null ? new JsonObject { ["id"] = match.Id } : new JsonObject { ["name"] = match.Label };
        }

        return field.Schema?.Type switch
        {
            "option" => new JsonObject { ["value"] = value },
            "priority" or "resolution" or "user" => new JsonObject { ["name"] = value },
            _ => JsonValue.Create(value),
        };
    }

    private static bool SameName(string? a, string? b) => Normalize(a) == Normalize(b) && Normalize(a).Length > 0;

    private static string Normalize(string? name) =>
        new string((name ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary>1 for equal names, 0.9 when one contains the other, else 1 − edit distance / longer length.</summary>
    internal static double Similarity(string? a, string? b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        if (x == y)
        {
            return 1;
        }

        if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
        {
            return 0.9;
        }

        var previous = Enumerable.Range(0, y.Length + 1).ToArray();
        for (var i = 1; i <= x.Length; i++)
        {
            var row = new int[y.Length + 1];
            row[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                row[j] = Math.Min(Math.Min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }

            previous = row;
        }

        return 1 - ((double)previous[y.Length] / Math.Max(x.Length, y.Length));
    }
}
