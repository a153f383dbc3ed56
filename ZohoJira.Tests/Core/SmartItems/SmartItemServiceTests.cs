using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.SmartItems;

/// <summary>The Smart Connected Item service on a real database; the derived classes choose the provider.</summary>
public abstract class SmartItemServiceTests
{
    protected abstract Task<ZohoJiraAppFactory> CreateAppAsync();

    [Fact]
    public async Task Create_ThenGet_RoundTripsTheWholeDefinition()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var definition = SmartItemSamples.TwoWayTickets();

        var created = await service.CreateAsync(definition);

        created.Status.Should().Be(SmartItemSaveStatus.Saved, created.Message);
        var stored = await service.GetAsync(created.Id!.Value);
        stored.Should().NotBeNull();
        stored!.Version.Should().Be(created.Version!.Value);
        stored.IsLegacy.Should().BeFalse();
        stored.Definition.Should().BeEquivalentTo(definition, o => o.WithStrictOrdering());
        stored.Definition.Options.AutoCreateBaseline!.Value.Kind.Should().Be(DateTimeKind.Utc);

        await using var db = app.CreateDbContext();
        var row = await db.SmartItems.AsNoTracking().SingleAsync();
        row.SchemaVersion.Should().Be(SmartItemSchema.CurrentVersion);
        row.JiraIssueType.Should().Be("10004");
        (row.AutoCreate, row.SyncStatus, row.SyncComments, row.SyncAttachments).Should().Be((true, true, true, true));
        row.DefinitionJson.Should().Contain("customfield_10050").And.NotContain("autoCreate", "the columns hold the toggles");
    }

    [Fact]
    public async Task Create_RefusesAnInvalidDefinition_AndATakenName()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);

        var invalid = await service.CreateAsync(SmartItemSamples.TwoWayTickets() with { JiraIssueTypeId = null });
        invalid.Status.Should().Be(SmartItemSaveStatus.Invalid);
        invalid.Issues.Should().ContainSingle().Which.Code.Should().Be(SmartItemValidationCodes.MissingIssueType);

        (await service.CreateAsync(SmartItemSamples.TwoWayTickets())).Succeeded.Should().BeTrue();
        var again = await service.CreateAsync(SmartItemSamples.TwoWayTickets());
        again.Status.Should().Be(SmartItemSaveStatus.Invalid);
        again.Issues.Should().ContainSingle().Which.Code.Should().Be(SmartItemValidationCodes.DuplicateName);

        await using var db = app.CreateDbContext();
        (await db.SmartItems.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task TwoAdminsSavingTheSameItem_TheSecondIsToldAndNothingIsLost()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var created = await service.CreateAsync(SmartItemSamples.TwoWayTickets());
        var loadedByBoth = (await service.GetAsync(created.Id!.Value))!;

        var first = await service.UpdateAsync(loadedByBoth.Id, loadedByBoth.Version, loadedByBoth.Definition with { Name = "Renamed by Ann" });
        var second = await service.UpdateAsync(loadedByBoth.Id, loadedByBoth.Version,
            loadedByBoth.Definition with { Options = loadedByBoth.Definition.Options with { Comments = false } });

        first.Status.Should().Be(SmartItemSaveStatus.Saved);
        second.Status.Should().Be(SmartItemSaveStatus.Conflict);
        second.Version.Should().Be(first.Version);
        second.Message.Should().Contain("Someone else saved");
        var stored = (await service.GetAsync(created.Id.Value))!;
        stored.Definition.Name.Should().Be("Renamed by Ann");
        stored.Definition.Options.Comments.Should().BeTrue("the refused save changed nothing");

        var retried = await service.UpdateAsync(stored.Id, stored.Version, stored.Definition with { Options = stored.Definition.Options with { Comments = false } });
        retried.Status.Should().Be(SmartItemSaveStatus.Saved);
        (await service.GetAsync(created.Id.Value))!.Definition.Should().Match<SmartItemModel>(d => d.Name == "Renamed by Ann" && !d.Options.Comments);
    }

    [Fact]
    public async Task ConcurrentSaves_FromTheSameVersion_ExactlyOneWins()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var created = await service.CreateAsync(SmartItemSamples.TwoWayTickets());
        var loaded = (await service.GetAsync(created.Id!.Value))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            service.UpdateAsync(loaded.Id, loaded.Version, loaded.Definition with { Name = $"Edit {i}" })));

        results.Count(r => r.Status == SmartItemSaveStatus.Saved).Should().Be(1);
        results.Count(r => r.Status == SmartItemSaveStatus.Conflict).Should().Be(5);
        var winner = results.Single(r => r.Succeeded);
        (await service.GetAsync(loaded.Id))!.Version.Should().Be(winner.Version!.Value);
    }

    [Fact]
    public async Task PauseResume_Duplicate_AndList()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var created = await service.CreateAsync(SmartItemSamples.TwoWayTickets());

        var paused = await service.PauseAsync(created.Id!.Value, created.Version!.Value);
        paused.Succeeded.Should().BeTrue();
        (await service.PauseAsync(created.Id.Value, created.Version.Value)).Status.Should().Be(SmartItemSaveStatus.Conflict, "the version moved");
        var resumed = await service.ResumeAsync(created.Id.Value, paused.Version!.Value);
        resumed.Succeeded.Should().BeTrue();

        var copy = await service.DuplicateAsync(created.Id.Value);
        var copy2 = await service.DuplicateAsync(created.Id.Value);
        copy.Succeeded.Should().BeTrue();
        (await service.DuplicateAsync(Guid.NewGuid())).Status.Should().Be(SmartItemSaveStatus.NotFound);

        await AddLinksAsync(app, created.Id.Value, 2);
        await using (var db = app.CreateDbContext())
        {
            var at = app.Time.GetUtcNow().UtcDateTime;
            db.SyncRuns.Add(new SyncRun { SmartItemId = created.Id.Value, Trigger = "schedule", StartedAt = at.AddMinutes(-10), FinishedAt = at.AddMinutes(-9) });
            db.SyncRuns.Add(new SyncRun { SmartItemId = created.Id.Value, Trigger = "schedule", StartedAt = at.AddMinutes(-5), FinishedAt = at.AddMinutes(-4) });
            await db.SaveChangesAsync();
        }

        var list = await service.ListAsync();

        list.Select(s => s.Name).Should().Equal("Support bugs", "Support bugs (copy 2)", "Support bugs (copy)");
        var original = list[0];
        original.IsPaused.Should().BeFalse();
        original.LinkCount.Should().Be(2);
        original.LastSyncAt.Should().BeCloseTo(app.Time.GetUtcNow().UtcDateTime.AddMinutes(-4), TimeSpan.FromMilliseconds(1));
        original.LastError.Should().BeNull();
        original.MappingSummary.Should().Be("Subject ↔ Summary, Priority ↔ Priority, Points ↔ Story points");
        (original.AutoCreate, original.SyncStatus, original.SyncComments, original.SyncAttachments).Should().Be((true, true, true, true));
        original.JiraIssueTypeName.Should().Be("Bug");
        list.Where(s => s.Name != "Support bugs").Should().OnlyContain(s => s.IsPaused && s.LinkCount == 0 && s.LastSyncAt == null);

        var copied = (await service.GetAsync(copy.Id!.Value))!.Definition;
        copied.Should().BeEquivalentTo(SmartItemSamples.TwoWayTickets() with { Name = "Support bugs (copy)", Paused = true });
    }

    [Fact]
    public async Task Delete_RemovesTheItemWithItsLinks_AndSaysHowMany()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var doomed = await service.CreateAsync(SmartItemSamples.TwoWayTickets());
        var kept = await service.CreateAsync(SmartItemSamples.TwoWayTickets("Other"));
        await AddLinksAsync(app, doomed.Id!.Value, 3);
        await AddLinksAsync(app, kept.Id!.Value, 1);

        (await service.CountLinksAsync(doomed.Id.Value)).Should().Be(3);
        (await service.DeleteAsync(doomed.Id.Value)).Should().Be(3);
        (await service.DeleteAsync(doomed.Id.Value)).Should().BeNull("it is gone");

        await using var db = app.CreateDbContext();
        (await db.SmartItems.Select(s => s.Name).ToListAsync()).Should().Equal("Other");
        (await db.Links.CountAsync()).Should().Be(1);
        (await service.UpdateAsync(doomed.Id.Value, doomed.Version!.Value, SmartItemSamples.TwoWayTickets())).Status
            .Should().Be(SmartItemSaveStatus.NotFound);
    }

    [Fact]
    public async Task ExportAll_ThenImportIntoAnotherInstallation_CreatesEqualItems_AndReimportUpdates()
    {
        string exported;
        SmartItemModel display = new()
        {
            Name = "Contact card",
            Mode = SyncMode.DisplayOnly,
            JiraProjectKey = "SUP",
            ZohoModule = "contacts",
            DisplayFields = ["lastName", "email"],
        };
        await using (var source = await CreateAppAsync())
        {
            (await Service(source).CreateAsync(SmartItemSamples.TwoWayTickets())).Succeeded.Should().BeTrue();
            (await Service(source).CreateAsync(display)).Succeeded.Should().BeTrue();
            exported = (await Service(source).ExportAsync())!;
        }

        await using var target = await CreateAppAsync();
        var service = Service(target);
        var preview = await service.PreviewImportAsync(exported);

        preview.Entries.Select(e => (e.Name, e.Action)).Should().Equal(
            ("Contact card", SmartItemImportAction.Create), ("Support bugs", SmartItemImportAction.Create));
        (await service.ListAsync()).Should().BeEmpty("a preview writes nothing");

        var outcomes = await service.ApplyImportAsync(preview);

        outcomes.Should().OnlyContain(o => o.Succeeded);
        var imported = await service.GetAllAsync();
        imported.Select(r => r.Definition).Should().BeEquivalentTo([display, SmartItemSamples.TwoWayTickets()], o => o.WithStrictOrdering());
        (await service.ExportAsync(imported[1].Id))!.Should().Contain("\"schemaVersion\": 1").And.Contain("Support bugs").And.NotContain("Contact card");

        var again = await service.PreviewImportAsync(exported);
        again.Entries.Should().OnlyContain(e => e.Action == SmartItemImportAction.Update);
        (await service.ApplyImportAsync(again)).Should().OnlyContain(o => o.Succeeded);
        (await service.ListAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task ImportUpdate_OfAnItemChangedAfterThePreview_IsAConflict()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);
        var created = await service.CreateAsync(SmartItemSamples.TwoWayTickets());
        var file = (await service.ExportAsync(created.Id))!;
        var preview = await service.PreviewImportAsync(file);
        await service.PauseAsync(created.Id!.Value, created.Version!.Value);

        var outcome = (await service.ApplyImportAsync(preview)).Should().ContainSingle().Subject;

        outcome.Action.Should().Be(SmartItemImportAction.Update);
        outcome.Result!.Status.Should().Be(SmartItemSaveStatus.Conflict);
        (await service.GetAsync(created.Id.Value))!.Definition.Paused.Should().BeTrue();
    }

    [Fact]
    public async Task LegacyImport_MigratesKeepsTheOriginalAndMarksTheItemLegacy()
    {
        await using var app = await CreateAppAsync();
        var service = Service(app);

        var preview = await service.PreviewImportAsync(SmartItemExchangeTests.LegacyFile);

        preview.IsLegacyFormat.Should().BeTrue();
        preview.Entries.Select(e => (e.Name, e.Action)).Should().Equal(
            ("Escalations", SmartItemImportAction.Create),
            ("Customer card", SmartItemImportAction.Create),
            ("Broken", SmartItemImportAction.Skip));
        preview.Entries[2].Notes.Should().ContainSingle().Which.Should().Contain("sideways");

        var outcomes = await service.ApplyImportAsync(preview);

        outcomes.Count(o => o.Succeeded).Should().Be(2);
        var list = await service.ListAsync();
        list.Should().HaveCount(2).And.OnlyContain(s => s.IsLegacy);
        var escalations = (await service.GetAsync(list.Single(s => s.Name == "Escalations").Id))!;
        escalations.IsLegacy.Should().BeTrue();
        escalations.Definition.JiraIssueTypeId.Should().BeNull();
        escalations.Definition.Mode.Should().Be(SyncMode.TwoWay);
        escalations.LegacyJson.Should().Contain("\"sci-1\"").And.Contain("\"autoCreate\": true");

        var edited = await service.UpdateAsync(escalations.Id, escalations.Version, escalations.Definition with { Name = "Escalations (legacy)" });
        edited.Succeeded.Should().BeTrue("a legacy item may keep its broad scope when edited");
        (await service.GetAsync(escalations.Id))!.IsLegacy.Should().BeTrue();
    }

    private static SmartItemService Service(ZohoJiraAppFactory app) => app.Services.GetRequiredService<SmartItemService>();

    private static async Task AddLinksAsync(ZohoJiraAppFactory app, Guid itemId, int count)
    {
        await using var db = app.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            var n = Guid.NewGuid().ToString("N")[..6];
            db.Links.Add(new Link
            {
                Id = Guid.NewGuid(),
                SmartItemId = itemId,
                JiraIssueId = "1" + n,
                JiraIssueKey = "SUP-" + n,
                ZohoModule = "tickets",
                ZohoRecordId = "9" + n,
                Kind = LinkKind.Manual,
            });
        }

        await db.SaveChangesAsync();
    }
}
