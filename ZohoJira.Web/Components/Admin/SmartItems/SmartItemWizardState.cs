using ZohoJira.Core.SmartItems;
using ZohoJira.Core.SmartItems.Metadata;

namespace ZohoJira.Web.Components.Admin.SmartItems;

/// <summary>What the wizard is editing, for one circuit: the definition being built, the item's stored scope (to warn
/// before links lose their meaning), and the mappings removed since the last save (for undo).</summary>
public sealed class SmartItemWizardState
{
    public Guid? Id { get; set; }

    public Guid? Version { get; set; }

    public int LinkCount { get; set; }

    public bool IsLegacy { get; set; }

    public SyncMode Mode { get; set; } = SyncMode.TwoWay;

    public string Name { get; set; } = string.Empty;

    public string? ProjectKey { get; set; }

    public string? ProjectName { get; set; }

    public string? IssueTypeId { get; set; }

    public string? IssueTypeName { get; set; }

    public string ZohoModule { get; set; } = "tickets";

    public string? ZohoModuleName { get; set; } = "Tickets";

    public List<string> DisplayFields { get; } = [];

    public List<FieldMapping> Mappings { get; } = [];

    public StatusSyncSettings Status { get; set; } = new();

    public SyncOptions Options { get; set; } = new();

    public RuleMatch RuleMatch { get; set; }

    public List<SyncRule> Rules { get; } = [];

    public bool Paused { get; set; }

    /// <summary>The scope as stored when editing began: project, issue type, module.</summary>
    public (string? Project, string? IssueType, string? Module) OriginalScope { get; private set; }

    /// <summary>Mappings removed before saving, newest last (undo puts the last one back where it was).</summary>
    public Stack<(int Index, FieldMapping Mapping)> RemovedMappings { get; } = new();

    public bool IsSynchronized => Mode != SyncMode.DisplayOnly;

    public bool ScopeChanged => Id is not null
        && (OriginalScope.Project != ProjectKey || OriginalScope.IssueType != IssueTypeId || OriginalScope.Module != ZohoModule);

    public static SmartItemWizardState From(SmartItemRecord record, int linkCount)
    {
        ArgumentNullException.ThrowIfNull(record);
        var d = record.Definition;
        var state = new SmartItemWizardState
        {
            Id = record.Id,
            Version = record.Version,
            LinkCount = linkCount,
            IsLegacy = record.IsLegacy,
            Mode = d.Mode,
            Name = d.Name,
            ProjectKey = d.JiraProjectKey,
            ProjectName = d.JiraProjectName,
            IssueTypeId = d.JiraIssueTypeId,
            IssueTypeName = d.JiraIssueTypeName,
            ZohoModule = d.ZohoModule,
            ZohoModuleName = d.ZohoModuleName,
            Status = d.Status,
            Options = d.Options,
            RuleMatch = d.Rules.Match,
            Paused = d.Paused,
        };
        state.DisplayFields.AddRange(d.DisplayFields);
        state.Mappings.AddRange(d.Mappings);
        state.Rules.AddRange(d.Rules.Rules);
        state.OriginalScope = (d.JiraProjectKey, d.JiraIssueTypeId, d.ZohoModule);
        return state;
    }

    public void RemoveMapping(int index)
    {
        RemovedMappings.Push((index, Mappings[index]));
        Mappings.RemoveAt(index);
    }

    public FieldMapping? UndoRemoval()
    {
        if (!RemovedMappings.TryPop(out var removed))
        {
            return null;
        }

        Mappings.Insert(Math.Min(removed.Index, Mappings.Count), removed.Mapping);
        return removed.Mapping;
    }

    /// <summary>The Jira status a Zoho status is explicitly paired with, or null (the engine then matches by name, then
    /// by category).</summary>
    public string? StatusTarget(string zohoStatus) =>
        Status.ValueMap.FirstOrDefault(e => string.Equals(e.ZohoValue, zohoStatus, StringComparison.Ordinal))?.JiraValue;

    /// <summary>Pairs a Zoho status with a Jira status; null or empty removes the pair.</summary>
    public void SetStatusTarget(string zohoStatus, string? jiraStatus)
    {
        var map = Status.ValueMap.Where(e => !string.Equals(e.ZohoValue, zohoStatus, StringComparison.Ordinal)).ToList();
        if (!string.IsNullOrEmpty(jiraStatus))
        {
            map.Add(new ValueMapEntry(zohoStatus, jiraStatus));
        }

        Status = Status with { ValueMap = map };
    }

    /// <summary>Pairs every unpaired Zoho status with the Jira status of the same name (ignoring case and spaces).</summary>
    public int SuggestStatusMap(IReadOnlyList<string> zohoStatuses, IReadOnlyList<string> jiraStatuses)
    {
        ArgumentNullException.ThrowIfNull(zohoStatuses);
        ArgumentNullException.ThrowIfNull(jiraStatuses);
        var added = 0;
        foreach (var zoho in zohoStatuses.Where(z => StatusTarget(z) is null))
        {
            if (jiraStatuses.FirstOrDefault(j => string.Equals(Normalize(j), Normalize(zoho), StringComparison.OrdinalIgnoreCase)) is { } jira)
            {
                SetStatusTarget(zoho, jira);
                added++;
            }
        }

        return added;
    }

    /// <summary>Sets (or, with an empty value, removes) the value a transition gets for a field it requires.</summary>
    public void SetTransitionDefault(string jiraFieldId, string? value)
    {
        var defaults = Status.TransitionDefaults.Where(d => !string.Equals(d.JiraFieldId, jiraFieldId, StringComparison.Ordinal)).ToList();
        if (!string.IsNullOrWhiteSpace(value))
        {
            defaults.Add(new TransitionFieldDefault(jiraFieldId, value.Trim()));
        }

        Status = Status with { TransitionDefaults = defaults };
    }

    /// <summary>Turns auto-create on or off; turning it on takes the baseline given (Zoho's time), so re-enabling moves it.</summary>
    public void SetAutoCreate(bool on, DateTime? zohoNow) =>
        Options = Options with { AutoCreate = on, AutoCreateBaseline = on ? zohoNow : null };

    public SmartItemModel ToModel() => new()
    {
        Name = Name.Trim(),
        Mode = Mode,
        JiraProjectKey = ProjectKey ?? string.Empty,
        JiraProjectName = ProjectName,
        JiraIssueTypeId = string.IsNullOrEmpty(IssueTypeId) ? null : IssueTypeId,
        JiraIssueTypeName = string.IsNullOrEmpty(IssueTypeId) ? null : IssueTypeName,
        ZohoModule = ZohoModule,
        ZohoModuleName = ZohoModuleName,
        DisplayFields = IsSynchronized ? [] : [.. DisplayFields],
        Mappings = IsSynchronized ? [.. Mappings] : [],
        Status = Status,
        Options = IsSynchronized ? Options : new SyncOptions(),
        Rules = new SyncRuleSet { Match = RuleMatch, Rules = [.. Rules] },
        Paused = Paused,
    };

    /// <summary>Mapping suggestions: Zoho and Jira fields with the same name, or known pairs (Subject → Summary), whose
    /// kinds can be mapped, and which are not mapped yet.</summary>
    public IReadOnlyList<FieldMapping> Suggest(ZohoModuleMetadata zoho, JiraScreenMetadata jira)
    {
        ArgumentNullException.ThrowIfNull(zoho);
        ArgumentNullException.ThrowIfNull(jira);
        var suggestions = new List<FieldMapping>();
        var jiraFields = jira.CreateFields.Concat(jira.EditFields).DistinctBy(f => f.Id).ToList();
        foreach (var z in zoho.Fields)
        {
            if (z.ApiName == zoho.StatusField || Mappings.Any(m => m.ZohoField == z.ApiName))
            {
                continue;
            }

            var target = jiraFields.FirstOrDefault(j => KnownPairs.Contains((z.ApiName, j.Id)))
                ?? jiraFields.FirstOrDefault(j => string.Equals(Normalize(j.Name), Normalize(z.Label), StringComparison.OrdinalIgnoreCase));
            if (target is null || Mappings.Any(m => m.JiraFieldId == target.Id) || suggestions.Any(s => s.JiraFieldId == target.Id)
                || FieldConversions.Needed(z.Kind, target.Kind) is not { } conversion)
            {
                continue;
            }

            suggestions.Add(new FieldMapping
            {
                ZohoField = z.ApiName,
                ZohoFieldLabel = z.Label,
                JiraFieldId = target.Id,
                JiraFieldName = target.Name,
                Conversion = conversion,
                Direction = Mode == SyncMode.Custom ? MappingDirection.ZohoToJira : null,
                ValueMap = SuggestValueMap(z.PicklistValues, target.AllowedValues),
            });
        }

        return suggestions;
    }

    /// <summary>Value pairs for values whose names match except for case; the rest copy as they are.</summary>
    public static IReadOnlyList<ValueMapEntry> SuggestValueMap(IReadOnlyList<string> zohoValues, IReadOnlyList<string> jiraValues)
    {
        ArgumentNullException.ThrowIfNull(zohoValues);
        ArgumentNullException.ThrowIfNull(jiraValues);
        return zohoValues
            .Select(z => (Zoho: z, Jira: jiraValues.FirstOrDefault(j => string.Equals(j, z, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Jira is not null && p.Jira != p.Zoho)
            .Select(p => new ValueMapEntry(p.Zoho, p.Jira!))
            .ToList();
    }

    /// <summary>Zoho list values with no Jira value of the same name and no value-map entry: they would be refused by Jira.</summary>
    public static IReadOnlyList<string> UnmappedValues(FieldMapping mapping, ZohoFieldMetadata? zoho, JiraFieldMetadata? jira)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (zoho is null || jira is null || jira.AllowedValues.Count == 0)
        {
            return [];
        }

        return zoho.PicklistValues
            .Where(v => !mapping.ValueMap.Any(e => e.ZohoValue == v) && !jira.AllowedValues.Contains(v, StringComparer.Ordinal))
            .ToList();
    }

    private static readonly HashSet<(string Zoho, string Jira)> KnownPairs =
    [
        ("subject", "summary"), ("description", "description"), ("priority", "priority"), ("dueDate", "duedate"),
    ];

    private static string Normalize(string name) => name.Replace(" ", string.Empty, StringComparison.Ordinal);
}
