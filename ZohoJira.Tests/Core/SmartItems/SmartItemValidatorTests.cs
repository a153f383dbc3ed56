using ZohoJira.Core.SmartItems;
using ZohoJira.Core.SmartItems.Metadata;

namespace ZohoJira.Tests.Core.SmartItems;

public sealed class SmartItemValidatorTests
{
    private static readonly SmartItemMetadata Tenant = SmartItemSamples.Tenant();

    [Fact]
    public void TheSample_IsValid_WithAndWithoutMetadata()
    {
        SmartItemValidator.Validate(SmartItemSamples.TwoWayTickets(), Tenant).Should().BeEmpty();
        SmartItemValidator.Validate(SmartItemSamples.TwoWayTickets()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(SyncMode.OneWay, true)]
    [InlineData(SyncMode.TwoWay, true)]
    [InlineData(SyncMode.Custom, true)]
    [InlineData(SyncMode.DisplayOnly, false)]
    public void MissingIssueType_IsRefusedForSynchronizedModes(SyncMode mode, bool refused)
    {
        var model = SmartItemSamples.TwoWayTickets() with { Mode = mode, JiraIssueTypeId = null };
        if (mode == SyncMode.DisplayOnly)
        {
            model = model with { Mappings = [], Options = new SyncOptions(), DisplayFields = ["subject"] };
        }
        else if (mode == SyncMode.Custom)
        {
            model = model with { Mappings = model.Mappings.Select(m => m with { Direction = MappingDirection.Both }).ToList() };
        }

        var issues = SmartItemValidator.Validate(model);

        issues.Any(i => i.Code == SmartItemValidationCodes.MissingIssueType && i.Field == "jiraIssueTypeId").Should().Be(refused);
        issues.Should().HaveCount(refused ? 1 : 0);
    }

    [Fact]
    public void MissingIssueType_IsAllowedForLegacyItems()
    {
        var model = SmartItemSamples.TwoWayTickets() with { JiraIssueTypeId = null };

        SmartItemValidator.Validate(model, isLegacy: true).Should().BeEmpty();
    }

    [Fact]
    public void JiraFieldNotOnEditScreen_IsRefused()
    {
        var model = WithMapping(new FieldMapping { JiraFieldId = "customfield_10070", JiraFieldName = "Launch note", ZohoField = "description" })
            with
        { Options = new SyncOptions { Status = true } };

        var issue = SingleIssue(model, SmartItemValidationCodes.JiraFieldNotOnScreen);

        issue.Field.Should().Be("mappings[3].jiraFieldId");
        issue.Message.Should().Contain("Launch note").And.Contain("only on the create screen");
    }

    [Fact]
    public void JiraFieldOnlyOnCreateScreen_IsAccepted_WithAutoCreate()
    {
        var model = WithMapping(new FieldMapping { JiraFieldId = "customfield_10070", JiraFieldName = "Launch note", ZohoField = "description" });

        SmartItemValidator.Validate(model, Tenant).Should().BeEmpty();
    }

    [Fact]
    public void JiraFieldOnNeitherScreen_IsRefused_ForAutoCreate()
    {
        var model = WithMapping(new FieldMapping { JiraFieldId = "customfield_99999", JiraFieldName = "Ghost", ZohoField = "description" });

        SingleIssue(model, SmartItemValidationCodes.JiraFieldNotOnScreen).Message
            .Should().Contain("Ghost").And.Contain("neither the create nor the edit screen").And.Contain("SUP / Bug");
    }

    [Fact]
    public void RequiredCreateField_WithoutMappingOrDefault_IsRefused_ForAutoCreate()
    {
        var tenant = Tenant with
        {
            Jira = Tenant.Jira! with
            {
                CreateFields = [.. Tenant.Jira.CreateFields, new JiraFieldMetadata { Id = "components", Name = "Components", Kind = FieldKind.MultiOption, Required = true }],
            },
        };

        var issues = SmartItemValidator.Validate(SmartItemSamples.TwoWayTickets(), tenant);

        issues.Should().ContainSingle().Which.Should().Match<SmartItemValidationIssue>(i =>
            i.Code == SmartItemValidationCodes.RequiredFieldUnmapped && i.Message.Contains("Components") && i.Message.Contains("auto-create will fail"));
        var withoutAutoCreate = SmartItemSamples.TwoWayTickets() with { Options = new SyncOptions { Status = true } };
        SmartItemValidator.Validate(withoutAutoCreate, tenant).Should().BeEmpty("without auto-create nothing is created");
    }

    [Fact]
    public void TypeMismatch_TextToNumber_AsksForTheConversion()
    {
        var model = SmartItemSamples.TwoWayTickets();
        model = model with { Mappings = [.. model.Mappings.Take(2), model.Mappings[2] with { Conversion = ValueConversion.None }] };

        var issue = SingleIssue(model, SmartItemValidationCodes.TypeMismatch);

        issue.Field.Should().Be("mappings[2].conversion");
        issue.Message.Should().Contain("Story points").And.Contain("Points").And.Contain("ParseNumber");
    }

    [Fact]
    public void TypeMismatch_ThatNoConversionBridges_IsRefused()
    {
        var model = WithMapping(new FieldMapping { JiraFieldId = "duedate", JiraFieldName = "Due date", ZohoField = "attachmentCount" })
            with
        { Mode = SyncMode.OneWay };

        SingleIssue(model, SmartItemValidationCodes.TypeMismatch).Message.Should().Contain("cannot be written").And.Contain("Due date");
    }

    [Fact]
    public void ValueMapEntry_WhoseTargetDoesNotExist_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets();
        var priority = model.Mappings[1] with { ValueMap = [new ValueMapEntry("High", "Blocker")] };
        model = model with { Mappings = [model.Mappings[0], priority, model.Mappings[2]] };

        var issue = SingleIssue(model, SmartItemValidationCodes.ValueMapTargetMissing);

        issue.Field.Should().Be("mappings[1].valueMap");
        issue.Message.Should().Contain("Blocker").And.Contain("Priority");
    }

    [Fact]
    public void StatusMapEntry_WhoseJiraStatusDoesNotExist_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets();
        model = model with { Status = model.Status with { ValueMap = [new ValueMapEntry("Closed", "Shipped")] } };

        SingleIssue(model, SmartItemValidationCodes.ValueMapTargetMissing).Message.Should().Contain("Shipped").And.Contain("workflow");
    }

    [Fact]
    public void AutoCreate_OnAModuleThatCannotBePolled_IsRefused()
    {
        var tenant = Tenant with { Zoho = Tenant.Zoho! with { Name = "Activities", SupportsPolling = false } };

        var issues = SmartItemValidator.Validate(SmartItemSamples.TwoWayTickets(), tenant);

        issues.Should().ContainSingle().Which.Should().Match<SmartItemValidationIssue>(i =>
            i.Code == SmartItemValidationCodes.ModuleNotPollable && i.Field == "options.autoCreate" && i.Message.Contains("Activities"));
    }

    [Fact]
    public void TwoMappings_WritingOneJiraField_AreRefused()
    {
        var model = WithMapping(new FieldMapping { JiraFieldId = "summary", ZohoField = "description", ZohoFieldLabel = "Description" });

        var issues = SmartItemValidator.Validate(model);

        issues.Should().ContainSingle().Which.Should().Match<SmartItemValidationIssue>(i =>
            i.Code == SmartItemValidationCodes.DuplicateTarget && i.Field == "mappings[3].jiraFieldId" && i.Message.Contains("Summary"));
    }

    [Fact]
    public void TwoMappings_WritingOneZohoField_AreRefused_ButOnlyWhenBothWriteZoho()
    {
        var model = SmartItemSamples.TwoWayTickets() with
        {
            Mode = SyncMode.Custom,
            Mappings =
            [
                new FieldMapping { JiraFieldId = "summary", ZohoField = "subject", Direction = MappingDirection.JiraToZoho },
                new FieldMapping { JiraFieldId = "customfield_10070", ZohoField = "subject", Direction = MappingDirection.Both },
            ],
        };

        SmartItemValidator.Validate(model).Should().ContainSingle().Which.Code.Should().Be(SmartItemValidationCodes.DuplicateTarget);

        var oneReads = model with { Mappings = [model.Mappings[0], model.Mappings[1] with { Direction = MappingDirection.ZohoToJira }] };
        SmartItemValidator.Validate(oneReads).Should().BeEmpty();
    }

    [Fact]
    public void CustomMapping_WithoutDirection_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets() with { Mode = SyncMode.Custom };
        model = model with
        {
            Mappings = [model.Mappings[0] with { Direction = MappingDirection.ZohoToJira }, model.Mappings[1], model.Mappings[2] with { Direction = MappingDirection.Both }],
        };

        var issues = SmartItemValidator.Validate(model);

        issues.Should().ContainSingle().Which.Should().Match<SmartItemValidationIssue>(i =>
            i.Code == SmartItemValidationCodes.MissingDirection && i.Field == "mappings[1].direction" && i.Message.Contains("Priority"));
    }

    [Fact]
    public void Rule_OnAFieldTheModuleDoesNotHave_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets();
        model = model with { Rules = model.Rules with { Rules = [.. model.Rules.Rules, new SyncRule { ZohoField = "cf_region", Values = ["EU"] }] } };

        var issue = SingleIssue(model, SmartItemValidationCodes.RuleFieldUnknown);

        issue.Field.Should().Be("rules[2].zohoField");
        issue.Message.Should().Contain("cf_region").And.Contain("Tickets");
    }

    [Fact]
    public void AutoCreate_WithoutBaseline_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets();
        model = model with { Options = model.Options with { AutoCreateBaseline = null } };

        SmartItemValidator.Validate(model).Should().ContainSingle().Which.Code.Should().Be(SmartItemValidationCodes.MissingBaseline);
    }

    [Fact]
    public void DisplayOnly_WithSyncOptions_IsRefused()
    {
        var model = SmartItemSamples.TwoWayTickets() with { Mode = SyncMode.DisplayOnly, Mappings = [], DisplayFields = ["subject"] };

        SmartItemValidator.Validate(model).Select(i => i.Field).Should()
            .BeEquivalentTo("options.autoCreate", "options.status", "options.comments", "options.attachments");
    }

    private static SmartItemModel WithMapping(FieldMapping extra)
    {
        var model = SmartItemSamples.TwoWayTickets();
        return model with { Mappings = [.. model.Mappings, extra] };
    }

    private static SmartItemValidationIssue SingleIssue(SmartItemModel model, string code)
    {
        var issues = SmartItemValidator.Validate(model, Tenant);
        issues.Should().ContainSingle($"only the {code} rule should fire, but got: {string.Join(" | ", issues.Select(i => i.Message))}");
        issues[0].Code.Should().Be(code);
        return issues[0];
    }
}
