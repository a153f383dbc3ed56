using ZohoJira.Core.SmartItems.Metadata;

namespace ZohoJira.Core.SmartItems;

/// <summary>Checks a definition before it is saved. A pure function of the definition and the tenant's metadata: the
/// checks that need metadata run only when it is given (the service always runs the others).</summary>
public static class SmartItemValidator
{
    public const int MaxNameLength = 200;

    /// <summary>Jira fields auto-create fills itself (the summary from the record's title when unmapped).</summary>
    private static readonly HashSet<string> FilledByAutoCreate = new(StringComparer.OrdinalIgnoreCase) { "project", "issuetype", "summary" };

    public static IReadOnlyList<SmartItemValidationIssue> Validate(SmartItemModel model, SmartItemMetadata? metadata = null, bool isLegacy = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var issues = new List<SmartItemValidationIssue>();
        CheckShape(model, isLegacy, issues);
        if (metadata?.Jira is { } jira)
        {
            CheckJira(model, jira, metadata.Zoho, issues);
        }

        if (metadata?.Zoho is { } zoho)
        {
            CheckZoho(model, zoho, issues);
        }

        return issues;
    }

    private static void CheckShape(SmartItemModel model, bool isLegacy, List<SmartItemValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            issues.Add(new("name", SmartItemValidationCodes.Required, "Give the item a name."));
        }
        else if (model.Name.Trim().Length > MaxNameLength)
        {
            issues.Add(new("name", SmartItemValidationCodes.TooLong, $"The name is longer than {MaxNameLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(model.JiraProjectKey))
        {
            issues.Add(new("jiraProjectKey", SmartItemValidationCodes.Required, "Choose the Jira project."));
        }

        if (string.IsNullOrWhiteSpace(model.ZohoModule))
        {
            issues.Add(new("zohoModule", SmartItemValidationCodes.Required, "Choose the Zoho module."));
        }

        if (model.IsSynchronized && !isLegacy && string.IsNullOrWhiteSpace(model.JiraIssueTypeId))
        {
            issues.Add(new("jiraIssueTypeId", SmartItemValidationCodes.MissingIssueType,
                $"Choose the Jira issue type: a {Describe(model.Mode)} item creates and updates issues of one type."));
        }

        if (!model.IsSynchronized)
        {
            CheckDisplayOnly(model, issues);
        }

        var jiraTargets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var zohoTargets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < model.Mappings.Count; i++)
        {
            var mapping = model.Mappings[i];
            var label = MappingLabel(mapping);
            if (string.IsNullOrWhiteSpace(mapping.JiraFieldId))
            {
                issues.Add(new($"mappings[{i}].jiraFieldId", SmartItemValidationCodes.Required, $"Mapping {i + 1}: choose the Jira field."));
            }

            if (string.IsNullOrWhiteSpace(mapping.ZohoField))
            {
                issues.Add(new($"mappings[{i}].zohoField", SmartItemValidationCodes.Required, $"Mapping {i + 1}: choose the Zoho field."));
            }

            if (model.Mode == SyncMode.Custom && mapping.Direction is null)
            {
                issues.Add(new($"mappings[{i}].direction", SmartItemValidationCodes.MissingDirection,
                    $"Mapping {label}: in Custom mode choose who owns the field (Zoho → Jira, Jira → Zoho, or both)."));
            }

            if (mapping.WritesJira(model.Mode) && !string.IsNullOrWhiteSpace(mapping.JiraFieldId)
                && !jiraTargets.TryAdd(mapping.JiraFieldId.Trim(), i))
            {
                var first = model.Mappings[jiraTargets[mapping.JiraFieldId.Trim()]];
                issues.Add(new($"mappings[{i}].jiraFieldId", SmartItemValidationCodes.DuplicateTarget,
                    $"Jira field '{first.JiraFieldName ?? JiraName(mapping)}' is written by two mappings (from Zoho '{ZohoName(first)}' and '{ZohoName(mapping)}'): keep one."));
            }

            if (mapping.WritesZoho(model.Mode) && !string.IsNullOrWhiteSpace(mapping.ZohoField)
                && !zohoTargets.TryAdd(mapping.ZohoField.Trim(), i))
            {
                var first = model.Mappings[zohoTargets[mapping.ZohoField.Trim()]];
                issues.Add(new($"mappings[{i}].zohoField", SmartItemValidationCodes.DuplicateTarget,
                    $"Zoho field '{first.ZohoFieldLabel ?? ZohoName(mapping)}' is written by two mappings (from Jira '{JiraName(first)}' and '{JiraName(mapping)}'): keep one."));
            }
        }

        if (model.Options.AutoCreate && model.Options.AutoCreateBaseline is null)
        {
            issues.Add(new("options.autoCreateBaseline", SmartItemValidationCodes.MissingBaseline,
                "Auto-create needs its baseline (the Zoho time it was turned on): turn it off and on again."));
        }

        if (model.Options.AttachmentSizeLimitBytes <= 0)
        {
            issues.Add(new("options.attachmentSizeLimitBytes", SmartItemValidationCodes.InvalidLimit,
                "The attachment size limit must be greater than zero."));
        }

        for (var i = 0; i < model.Rules.Rules.Count; i++)
        {
            var rule = model.Rules.Rules[i];
            if (string.IsNullOrWhiteSpace(rule.ZohoField))
            {
                issues.Add(new($"rules[{i}].zohoField", SmartItemValidationCodes.Required, $"Rule {i + 1}: choose the Zoho field."));
            }
            else if (rule.Operator != RuleOperator.IsEmpty && !rule.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                issues.Add(new($"rules[{i}].values", SmartItemValidationCodes.RuleValueMissing,
                    $"Rule on '{rule.ZohoField}': give the value to compare with."));
            }
        }
    }

    private static void CheckDisplayOnly(SmartItemModel model, List<SmartItemValidationIssue> issues)
    {
        var options = model.Options;
        (bool On, string Field, string Name)[] syncOptions =
        [
            (options.AutoCreate, "options.autoCreate", "Auto-create"),
            (options.Status, "options.status", "Status sync"),
            (options.Comments, "options.comments", "Comment sync"),
            (options.Attachments, "options.attachments", "Attachment sync"),
        ];
        foreach (var (on, field, name) in syncOptions.Where(o => o.On))
        {
            issues.Add(new(field, SmartItemValidationCodes.NotForDisplayOnly,
                $"{name} is not available for a display-only item: choose a synchronized mode or turn it off."));
        }

        if (model.Mappings.Count > 0)
        {
            issues.Add(new("mappings", SmartItemValidationCodes.NotForDisplayOnly,
                "A display-only item shows fields and maps none: remove the mappings or choose a synchronized mode."));
        }
    }

    private static void CheckJira(SmartItemModel model, JiraScreenMetadata jira, ZohoModuleMetadata? zoho, List<SmartItemValidationIssue> issues)
    {
        if (!model.IsSynchronized)
        {
            return;
        }

        var autoCreate = model.Options.AutoCreate;
        for (var i = 0; i < model.Mappings.Count; i++)
        {
            var mapping = model.Mappings[i];
            if (string.IsNullOrWhiteSpace(mapping.JiraFieldId) || !mapping.WritesJira(model.Mode))
            {
                continue;
            }

            var onEdit = jira.FindEditField(mapping.JiraFieldId) is not null;
            var onCreate = jira.FindCreateField(mapping.JiraFieldId) is not null;
            if (!onEdit && !(autoCreate && onCreate))
            {
                var reason = onCreate
                    ? "is only on the create screen, so it can be set when auto-create makes the issue but never updated: turn on auto-create or add the field to the edit screen"
                    : autoCreate
                        ? "is on neither the create nor the edit screen"
                        : "is not on the edit screen";
                issues.Add(new($"mappings[{i}].jiraFieldId", SmartItemValidationCodes.JiraFieldNotOnScreen,
                    $"Jira field '{JiraName(mapping)}' {reason} of {model.JiraProjectKey} / {IssueTypeName(model)}."));
            }
        }

        if (autoCreate)
        {
            foreach (var field in jira.CreateFields.Where(f => f.Required && !f.HasDefaultValue && !FilledByAutoCreate.Contains(f.Id)))
            {
                var mapped = model.Mappings.Any(m => m.WritesJira(model.Mode) && string.Equals(m.JiraFieldId, field.Id, StringComparison.OrdinalIgnoreCase));
                if (!mapped)
                {
                    issues.Add(new("mappings", SmartItemValidationCodes.RequiredFieldUnmapped,
                        $"Jira field '{field.Name}' is required to create {IssueTypeName(model)} issues in {model.JiraProjectKey} and has no default: map a Zoho field to it, or auto-create will fail."));
                }
            }
        }

        for (var i = 0; i < model.Mappings.Count; i++)
        {
            var mapping = model.Mappings[i];
            var jiraField = jira.FindField(mapping.JiraFieldId ?? string.Empty);
            var zohoField = zoho?.FindField(mapping.ZohoField ?? string.Empty);
            if (jiraField is null)
            {
                continue;
            }

            if (zohoField is not null)
            {
                if (mapping.WritesJira(model.Mode))
                {
                    CheckTypes(i, mapping, zohoField.Kind, $"Zoho field '{zohoField.Label}'", jiraField.Kind, $"Jira field '{jiraField.Name}'", issues);
                }

                if (mapping.WritesZoho(model.Mode))
                {
                    CheckTypes(i, mapping, jiraField.Kind, $"Jira field '{jiraField.Name}'", zohoField.Kind, $"Zoho field '{zohoField.Label}'", issues);
                }
            }

            if (mapping.WritesJira(model.Mode) && jiraField.AllowedValues.Count > 0)
            {
                foreach (var entry in mapping.ValueMap.Where(e => !Contains(jiraField.AllowedValues, e.JiraValue)))
                {
                    issues.Add(new($"mappings[{i}].valueMap", SmartItemValidationCodes.ValueMapTargetMissing,
                        $"Value map of '{JiraName(mapping)}': Jira has no value '{entry.JiraValue}' (for Zoho '{entry.ZohoValue}')."));
                }
            }
        }

        if (model.Options.Status && jira.Statuses.Count > 0)
        {
            foreach (var entry in model.Status.ValueMap.Where(e => !Contains(jira.Statuses, e.JiraValue)))
            {
                issues.Add(new("status.valueMap", SmartItemValidationCodes.ValueMapTargetMissing,
                    $"Status map: the workflow of {model.JiraProjectKey} / {IssueTypeName(model)} has no status '{entry.JiraValue}' (for Zoho '{entry.ZohoValue}')."));
            }
        }
    }

    private static void CheckZoho(SmartItemModel model, ZohoModuleMetadata zoho, List<SmartItemValidationIssue> issues)
    {
        if (model.Options.AutoCreate && !zoho.SupportsPolling)
        {
            issues.Add(new("options.autoCreate", SmartItemValidationCodes.ModuleNotPollable,
                $"Auto-create is not available for Zoho module '{zoho.Name}': the connector cannot poll it for new records."));
        }

        for (var i = 0; i < model.DisplayFields.Count; i++)
        {
            if (zoho.FindField(model.DisplayFields[i]) is null)
            {
                issues.Add(new($"displayFields[{i}]", SmartItemValidationCodes.ZohoFieldUnknown,
                    $"Zoho module '{zoho.Name}' has no field '{model.DisplayFields[i]}'."));
            }
        }

        for (var i = 0; i < model.Mappings.Count; i++)
        {
            var mapping = model.Mappings[i];
            if (string.IsNullOrWhiteSpace(mapping.ZohoField))
            {
                continue;
            }

            var field = zoho.FindField(mapping.ZohoField);
            if (field is null)
            {
                issues.Add(new($"mappings[{i}].zohoField", SmartItemValidationCodes.ZohoFieldUnknown,
                    $"Zoho module '{zoho.Name}' has no field '{ZohoName(mapping)}'."));
                continue;
            }

            if (mapping.WritesZoho(model.Mode) && field.PicklistValues.Count > 0)
            {
                foreach (var entry in mapping.ValueMap.Where(e => !Contains(field.PicklistValues, e.ZohoValue)))
                {
                    issues.Add(new($"mappings[{i}].valueMap", SmartItemValidationCodes.ValueMapTargetMissing,
                        $"Value map of '{field.Label}': Zoho has no value '{entry.ZohoValue}' (for Jira '{entry.JiraValue}')."));
                }
            }
        }

        if (model.Options.Status)
        {
            var statusField = zoho.FindField(model.Status.ZohoStatusField ?? string.Empty);
            if (statusField is null)
            {
                issues.Add(new("status.zohoStatusField", SmartItemValidationCodes.ZohoFieldUnknown,
                    $"Zoho module '{zoho.Name}' has no status field '{model.Status.ZohoStatusField}'."));
            }
            else if (statusField.PicklistValues.Count > 0)
            {
                foreach (var entry in model.Status.ValueMap.Where(e => !Contains(statusField.PicklistValues, e.ZohoValue)))
                {
                    issues.Add(new("status.valueMap", SmartItemValidationCodes.ValueMapTargetMissing,
                        $"Status map: Zoho field '{statusField.Label}' has no value '{entry.ZohoValue}' (for Jira '{entry.JiraValue}')."));
                }
            }
        }

        for (var i = 0; i < model.Rules.Rules.Count; i++)
        {
            var rule = model.Rules.Rules[i];
            if (!string.IsNullOrWhiteSpace(rule.ZohoField) && zoho.FindField(rule.ZohoField) is null)
            {
                issues.Add(new($"rules[{i}].zohoField", SmartItemValidationCodes.RuleFieldUnknown,
                    $"Rule on '{rule.ZohoField}': Zoho module '{zoho.Name}' has no such field."));
            }
        }
    }

    private static void CheckTypes(int index, FieldMapping mapping, FieldKind source, string sourceName, FieldKind target, string targetName,
        List<SmartItemValidationIssue> issues)
    {
        var needed = FieldConversions.Needed(source, target);
        if (needed is null)
        {
            issues.Add(new($"mappings[{index}].conversion", SmartItemValidationCodes.TypeMismatch,
                $"{sourceName} ({Kind(source)}) cannot be written to {targetName} ({Kind(target)}): map another field."));
        }
        else if (needed != ValueConversion.None && mapping.Conversion != needed)
        {
            issues.Add(new($"mappings[{index}].conversion", SmartItemValidationCodes.TypeMismatch,
                $"{targetName} is {Kind(target)} and {sourceName} is {Kind(source)}: choose the conversion '{needed}' (values that do not convert are skipped and recorded) or map another field."));
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Any(v => string.Equals(v.Trim(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string MappingLabel(FieldMapping m) => $"'{ZohoName(m)}' ↔ '{JiraName(m)}'";

    private static string JiraName(FieldMapping m) => m.JiraFieldName ?? m.JiraFieldId;

    private static string ZohoName(FieldMapping m) => m.ZohoFieldLabel ?? m.ZohoField;

    private static string IssueTypeName(SmartItemModel model) => model.JiraIssueTypeName ?? model.JiraIssueTypeId ?? "(no issue type)";

    private static string Kind(FieldKind kind) => kind switch
    {
        FieldKind.Text => "text",
        FieldKind.Number => "a number",
        FieldKind.Date => "a date",
        FieldKind.DateTime => "a date and time",
        FieldKind.Boolean => "a yes/no value",
        FieldKind.Option => "a list value",
        FieldKind.MultiOption => "a multi-value list",
        FieldKind.User => "a user",
        _ => "a kind the connector does not map",
    };

    internal static string Describe(SyncMode mode) => mode switch
    {
        SyncMode.DisplayOnly => "display-only",
        SyncMode.OneWay => "one-way",
        SyncMode.TwoWay => "two-way",
        _ => "custom",
    };
}
