using System.Text.Json;
using ZohoJira.Core.SmartItems;

namespace ZohoJira.Tests.Core.SmartItems;

public sealed class SmartItemExchangeTests
{
    internal const string LegacyFile = """
        {
          "items": [
            {
              "id": "sci-1",
              "name": "Escalations",
              "mode": "two-way",
              "jiraProject": "SUP",
              "zohoModule": "tickets",
              "fields": [
                { "zohoField": "subject", "jiraField": "summary" },
                { "zohoField": "priority", "jiraField": "priority" },
                { "zohoField": "status" }
              ],
              "autoCreate": true,
              "statusSync": true,
              "commentSync": true,
              "attachmentSync": false
            },
            {
              "name": "Customer card",
              "mode": "Display only",
              "jiraProject": "SUP",
              "zohoModule": "contacts",
              "fields": ["lastName", "email", { "zohoField": "phone", "jiraField": "ignored" }],
              "statusSync": true
            },
            { "name": "Broken", "mode": "sideways", "jiraProject": "SUP", "zohoModule": "tickets" }
          ]
        }
        """;

    [Fact]
    public void Export_ThenImport_GivesAnEqualDefinition()
    {
        var id = Guid.NewGuid();
        var original = SmartItemSamples.TwoWayTickets() with
        {
            Mode = SyncMode.Custom,
            DisplayFields = ["subject", "status"],
            Options = SmartItemSamples.TwoWayTickets().Options with { JiraCommentVisibility = CommentVisibility.Public },
        };
        original = original with { Mappings = original.Mappings.Select((m, i) => m with { Direction = (MappingDirection)(i % 3) }).ToList() };

        var json = SmartItemExchange.Write(new SmartItemExportFile { ExportedAt = DateTimeOffset.UnixEpoch, Items = [new(id, original)] });
        var read = SmartItemExchange.Read(json);

        read.SchemaVersion.Should().Be(SmartItemSchema.CurrentVersion);
        read.IsLegacyFormat.Should().BeFalse();
        var item = read.Items.Should().ContainSingle().Subject;
        item.Error.Should().BeNull();
        item.Id.Should().Be(id);
        item.IsLegacy.Should().BeFalse();
        item.Definition.Should().BeEquivalentTo(original, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        SmartItemExchange.Write(new SmartItemExportFile { ExportedAt = DateTimeOffset.UnixEpoch, Items = [new(id, item.Definition!)] })
            .Should().Be(json, "writing what was read gives the same file");
    }

    [Fact]
    public void Export_IsReadable_WithSchemaVersionNamesAndEnumNames()
    {
        var json = SmartItemExchange.Write(new SmartItemExportFile { Items = [new(Guid.Empty, SmartItemSamples.TwoWayTickets())] });

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        var definition = document.RootElement.GetProperty("items")[0].GetProperty("definition");
        definition.GetProperty("mode").GetString().Should().Be("TwoWay");
        definition.GetProperty("jiraIssueTypeId").GetString().Should().Be("10004");
        definition.GetProperty("jiraIssueTypeName").GetString().Should().Be("Bug");
        definition.GetProperty("rules").GetProperty("rules")[1].GetProperty("operator").GetString().Should().Be("GreaterThan");
        json.Should().Contain("\n", "the file is indented for people");
    }

    [Fact]
    public void LegacyFile_IsMigrated_KeepingEachOriginal()
    {
        var read = SmartItemExchange.Read(LegacyFile);

        read.IsLegacyFormat.Should().BeTrue();
        read.Items.Should().HaveCount(3).And.OnlyContain(i => i.IsLegacy);

        var escalations = read.Items[0];
        escalations.Error.Should().BeNull();
        escalations.Id.Should().BeNull("legacy ids are not ours; items are matched by name");
        var definition = escalations.Definition!;
        definition.Mode.Should().Be(SyncMode.TwoWay);
        definition.JiraIssueTypeId.Should().BeNull();
        definition.JiraProjectKey.Should().Be("SUP");
        definition.ZohoModule.Should().Be("tickets");
        definition.Mappings.Select(m => (m.ZohoField, m.JiraFieldId)).Should().Equal(("subject", "summary"), ("priority", "priority"));
        definition.DisplayFields.Should().Equal("status");
        definition.Options.Status.Should().BeTrue();
        definition.Options.Comments.Should().BeTrue();
        definition.Options.Attachments.Should().BeFalse();
        definition.Options.AutoCreate.Should().BeFalse("a migrated item gets a baseline only when an admin turns auto-create on again");
        escalations.Notes.Should().Contain(n => n.Contains("Auto-create was on"));
        JsonDocument.Parse(escalations.LegacyJson!).RootElement.GetProperty("id").GetString().Should().Be("sci-1");

        var card = read.Items[1].Definition!;
        card.Mode.Should().Be(SyncMode.DisplayOnly);
        card.DisplayFields.Should().Equal("lastName", "email", "phone");
        card.Mappings.Should().BeEmpty();
        card.Options.Status.Should().BeFalse("display-only items never sync status");

        read.Items[2].Definition.Should().BeNull();
        read.Items[2].Error.Should().Contain("sideways");
    }

    [Fact]
    public void SingleLegacyItem_WithoutEnvelope_IsRead()
    {
        var read = SmartItemExchange.Read("""{ "name": "Only", "mode": "one-way", "jiraProject": "DEV", "zohoModule": "accounts", "fields": [] }""");

        read.SchemaVersion.Should().Be(SmartItemSchema.LegacyVersion);
        read.Items.Should().ContainSingle().Which.Definition!.Mode.Should().Be(SyncMode.OneWay);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{ "schemaVersion": 7, "items": [] }""", "schema version 7")]
    [InlineData("""{ "schemaVersion": "one", "items": [] }""", "not a version number")]
    [InlineData("""{ "schemaVersion": 1 }""", "no \"items\"")]
    [InlineData("42", "no Smart Connected Items")]
    public void UnreadableFiles_AreRefusedWithAReason(string json, string reason)
    {
        var read = () => SmartItemExchange.Read(json);

        read.Should().Throw<SmartItemImportException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void OneBadItem_DoesNotSpoilTheOthers()
    {
        var json = """
            { "schemaVersion": 1, "items": [
              { "id": null, "definition": { "name": "Good", "mode": "DisplayOnly", "jiraProjectKey": "SUP", "zohoModule": "tickets" } },
              { "definition": { "name": "Bad mode", "mode": "Sideways", "jiraProjectKey": "SUP", "zohoModule": "tickets" } },
              { "definition": { "name": "No module", "mode": "DisplayOnly", "jiraProjectKey": "SUP" } }
            ] }
            """;

        var read = SmartItemExchange.Read(json);

        read.Items.Should().HaveCount(3);
        read.Items[0].Definition!.Name.Should().Be("Good");
        read.Items[0].Definition!.Options.AttachmentSizeLimitBytes.Should().Be(10L * 1024 * 1024);
        read.Items[0].Definition!.Options.JiraCommentVisibility.Should().Be(CommentVisibility.Private);
        read.Items[0].Definition!.Status.ZohoStatusField.Should().Be("status");
        read.Items[1].Error.Should().Contain("Bad mode");
        read.Items[2].Error.Should().Contain("No module");
    }
}
