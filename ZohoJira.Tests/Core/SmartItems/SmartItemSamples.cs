using ZohoJira.Core.SmartItems;
using ZohoJira.Core.SmartItems.Metadata;

namespace ZohoJira.Tests.Core.SmartItems;

/// <summary>A valid two-way ticket item and the metadata of a tenant it fits; tests change one thing at a time.</summary>
internal static class SmartItemSamples
{
    public static readonly DateTime Baseline = new(2026, 2, 1, 9, 30, 0, DateTimeKind.Utc);

    public static SmartItemModel TwoWayTickets(string name = "Support bugs") => new()
    {
        Name = name,
        Mode = SyncMode.TwoWay,
        JiraProjectKey = "SUP",
        JiraProjectName = "Support",
        JiraIssueTypeId = "10004",
        JiraIssueTypeName = "Bug",
        ZohoModule = "tickets",
        ZohoModuleName = "Tickets",
        Mappings =
        [
            new FieldMapping { JiraFieldId = "summary", JiraFieldName = "Summary", ZohoField = "subject", ZohoFieldLabel = "Subject" },
            new FieldMapping
            {
                JiraFieldId = "priority",
                JiraFieldName = "Priority",
                ZohoField = "priority",
                ZohoFieldLabel = "Priority",
                ValueMap = [new ValueMapEntry("High", "Highest"), new ValueMapEntry("Low", "Lowest")],
            },
            new FieldMapping
            {
                JiraFieldId = "customfield_10050",
                JiraFieldName = "Story points",
                ZohoField = "cf_points",
                ZohoFieldLabel = "Points",
                Conversion = ValueConversion.ParseNumber,
            },
        ],
        Status = new StatusSyncSettings
        {
            ValueMap = [new ValueMapEntry("Open", "To Do"), new ValueMapEntry("Closed", "Done")],
            TransitionDefaults = [new TransitionFieldDefault("resolution", "Done")],
        },
        Options = new SyncOptions
        {
            AutoCreate = true,
            AutoCreateBaseline = Baseline,
            Status = true,
            Comments = true,
            Attachments = true,
            AttachmentSizeLimitBytes = 5 * 1024 * 1024,
        },
        Rules = new SyncRuleSet
        {
            Match = RuleMatch.Any,
            Rules =
            [
                new SyncRule { ZohoField = "priority", Operator = RuleOperator.In, Values = ["High", "Urgent"] },
                new SyncRule { ZohoField = "cf_points", Operator = RuleOperator.GreaterThan, Values = ["3"] },
            ],
        },
    };

    public static SmartItemMetadata Tenant() => new(
        new JiraScreenMetadata
        {
            ProjectKey = "SUP",
            IssueTypeId = "10004",
            CreateFields =
            [
                new JiraFieldMetadata { Id = "summary", Name = "Summary", Kind = FieldKind.Text, Required = true },
                new JiraFieldMetadata { Id = "priority", Name = "Priority", Kind = FieldKind.Option, HasDefaultValue = true, AllowedValues = ["Highest", "High", "Medium", "Low", "Lowest"] },
                new JiraFieldMetadata { Id = "customfield_10050", Name = "Story points", Kind = FieldKind.Number },
                new JiraFieldMetadata { Id = "reporter", Name = "Reporter", Kind = FieldKind.User, Required = true, HasDefaultValue = true },
                new JiraFieldMetadata { Id = "customfield_10070", Name = "Launch note", Kind = FieldKind.Text },
            ],
            EditFields =
            [
                new JiraFieldMetadata { Id = "summary", Name = "Summary", Kind = FieldKind.Text, Required = true },
                new JiraFieldMetadata { Id = "priority", Name = "Priority", Kind = FieldKind.Option, AllowedValues = ["Highest", "High", "Medium", "Low", "Lowest"] },
                new JiraFieldMetadata { Id = "customfield_10050", Name = "Story points", Kind = FieldKind.Number },
                new JiraFieldMetadata { Id = "duedate", Name = "Due date", Kind = FieldKind.Date },
            ],
            Statuses = ["To Do", "In Progress", "Done"],
        },
        new ZohoModuleMetadata
        {
            ApiName = "tickets",
            Name = "Tickets",
            SupportsPolling = true,
            StatusField = "status",
            Fields =
            [
                new ZohoFieldMetadata { ApiName = "subject", Label = "Subject", Kind = FieldKind.Text },
                new ZohoFieldMetadata { ApiName = "description", Label = "Description", Kind = FieldKind.Text },
                new ZohoFieldMetadata { ApiName = "priority", Label = "Priority", Kind = FieldKind.Option, PicklistValues = ["High", "Medium", "Low"] },
                new ZohoFieldMetadata { ApiName = "cf_points", Label = "Points", Kind = FieldKind.Text },
                new ZohoFieldMetadata { ApiName = "status", Label = "Status", Kind = FieldKind.Option, PicklistValues = ["Open", "On Hold", "Closed"] },
                new ZohoFieldMetadata { ApiName = "dueDate", Label = "Due Date", Kind = FieldKind.DateTime },
                new ZohoFieldMetadata { ApiName = "attachmentCount", Label = "Attachments", Kind = FieldKind.Other },
            ],
        });
}
