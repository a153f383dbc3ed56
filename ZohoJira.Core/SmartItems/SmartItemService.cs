using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems.Metadata;

namespace ZohoJira.Core.SmartItems;

/// <summary>Creates, changes, lists, exports and imports Smart Connected Items. Every write checks the version the
/// caller loaded: when another admin saved in between, the write is refused with <see cref="SmartItemSaveStatus.Conflict"/>
/// and nothing is lost.</summary>
public sealed partial class SmartItemService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    TimeProvider time,
    ILogger<SmartItemService> logger)
{
    private const int MappingsInSummary = 3;

    public async Task<IReadOnlyList<SmartItemSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.SmartItems.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var linkCounts = await db.Links.AsNoTracking()
            .GroupBy(l => l.SmartItemId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var lastSyncs = await db.SyncRuns.AsNoTracking()
            .Where(r => r.FinishedAt != null)
            .GroupBy(r => r.SmartItemId)
            .Select(g => new { g.Key, At = g.Max(r => r.FinishedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.At, cancellationToken);

        return items.Select(entity =>
        {
            var model = SmartItemMapper.ToModel(entity);
            return new SmartItemSummary
            {
                Id = entity.Id,
                Version = entity.Version,
                Name = entity.Name,
                Mode = entity.Mode,
                JiraProjectKey = entity.JiraProjectKey,
                JiraProjectName = model.JiraProjectName,
                JiraIssueTypeId = entity.JiraIssueType,
                JiraIssueTypeName = model.JiraIssueTypeName,
                ZohoModule = entity.ZohoModule,
                ZohoModuleName = model.ZohoModuleName,
                MappingSummary = Summarize(model),
                AutoCreate = entity.AutoCreate,
                AutoCreateBaseline = entity.AutoCreateBaseline,
                SyncStatus = entity.SyncStatus,
                SyncComments = entity.SyncComments,
                SyncAttachments = entity.SyncAttachments,
                IsPaused = entity.IsPaused,
                IsLegacy = entity.IsLegacy,
                LinkCount = linkCounts.GetValueOrDefault(entity.Id),
                LastSyncAt = lastSyncs.GetValueOrDefault(entity.Id),
                LastError = entity.LastError,
                LastErrorAt = entity.LastErrorAt,
                UpdatedAt = entity.UpdatedAt,
            };
        }).ToList();
    }

    public async Task<SmartItemRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.SmartItems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Every item's definition, for the engine and the issue panel.</summary>
    public async Task<IReadOnlyList<SmartItemRecord>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entities = await db.SmartItems.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return entities.Select(ToRecord).ToList();
    }

    public Task<SmartItemSaveResult> CreateAsync(SmartItemModel definition, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(null, definition, isLegacy: false, legacyJson: null, cancellationToken);

    /// <summary>Replaces the definition of an item, if it is still at <paramref name="expectedVersion"/>.</summary>
    public Task<SmartItemSaveResult> UpdateAsync(Guid id, Guid expectedVersion, SmartItemModel definition, CancellationToken cancellationToken = default) =>
        UpdateCoreAsync(id, expectedVersion, definition, legacy: null, cancellationToken);

    public Task<SmartItemSaveResult> PauseAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SetPausedAsync(id, expectedVersion, paused: true, cancellationToken);

    public Task<SmartItemSaveResult> ResumeAsync(Guid id, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        SetPausedAsync(id, expectedVersion, paused: false, cancellationToken);

    /// <summary>Copies an item under a free name ("X (copy)"). The copy starts paused, so two items never pick up the
    /// same records until the admin has changed one of them; it has no links.</summary>
    public async Task<SmartItemSaveResult> DuplicateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.SmartItems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return SmartItemSaveResult.NotFound(id);
        }

        var names = await db.SmartItems.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken);
        var copy = SmartItemMapper.ToModel(source) with { Name = FreeCopyName(source.Name, names), Paused = true };
        return await CreateCoreAsync(null, copy, source.IsLegacy, source.LegacyJson, cancellationToken);
    }

    /// <summary>How many links deleting the item would remove (for the confirmation).</summary>
    public async Task<int> CountLinksAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Links.CountAsync(l => l.SmartItemId == id, cancellationToken);
    }

    /// <summary>Deletes the item with its links, cursor and run history; returns how many links were removed, or null
    /// when the item did not exist.</summary>
    public async Task<int?> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await db.SmartItems.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var links = await db.Links.Where(l => l.SmartItemId == id).ExecuteDeleteAsync(cancellationToken);
        db.SmartItems.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDeleted(logger, entity.Name, links);
        return links;
    }

    /// <summary>An export file with one item (null when it does not exist) or, without an id, every item.</summary>
    public async Task<string?> ExportAsync(Guid? id = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.SmartItems.AsNoTracking();
        if (id is { } one)
        {
            query = query.Where(s => s.Id == one);
        }

        var entities = await query.OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (id is not null && entities.Count == 0)
        {
            return null;
        }

        return SmartItemExchange.Write(new SmartItemExportFile
        {
            ExportedAt = time.GetUtcNow(),
            Items = entities.Select(e => new SmartItemExportItem(e.Id, SmartItemMapper.ToModel(e))).ToList(),
        });
    }

    /// <summary>Reads an import file (migrating older formats) and says what applying it would create, update or skip.
    /// With a metadata source each item is also checked against the current tenant. Writes nothing.</summary>
    /// <exception cref="SmartItemImportException">The file cannot be read at all.</exception>
    public async Task<SmartItemImportPreview> PreviewImportAsync(string json, ISmartItemMetadataSource? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var file = SmartItemExchange.Read(json);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.SmartItems.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.Version })
            .ToListAsync(cancellationToken);

        var entries = new List<SmartItemImportEntry>();
        var namesInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in file.Items)
        {
            if (item.Definition is null)
            {
                entries.Add(new SmartItemImportEntry
                {
                    Name = item.DisplayName,
                    Action = SmartItemImportAction.Skip,
                    IsLegacy = item.IsLegacy,
                    Notes = [item.Error ?? "The item cannot be read."],
                });
                continue;
            }

            var definition = item.Definition;
            var name = definition.Name.Trim();
            var match = existing.FirstOrDefault(e => item.Id is { } itemId && e.Id == itemId)
                ?? existing.FirstOrDefault(e => e.Name == name);
            var issues = new List<SmartItemValidationIssue>();
            if (!namesInFile.Add(name))
            {
                issues.Add(new("name", SmartItemValidationCodes.DuplicateName, $"The file holds two items named '{name}'; only the first is imported."));
            }
            else if (match is not null && match.Name != name && existing.Any(e => e.Name == name && e.Id != match.Id))
            {
                issues.Add(new("name", SmartItemValidationCodes.DuplicateName, $"Another item is already named '{name}'."));
            }

            var tenant = metadata is null ? null : await metadata.GetAsync(definition, cancellationToken);
            issues.AddRange(SmartItemValidator.Validate(definition, tenant, item.IsLegacy));
            entries.Add(new SmartItemImportEntry
            {
                Name = name,
                Action = issues.Count > 0 ? SmartItemImportAction.Skip
                    : match is null ? SmartItemImportAction.Create
                    : SmartItemImportAction.Update,
                Definition = definition with { Name = name },
                ExistingId = match?.Id ?? item.Id,
                ExistingVersion = match?.Version,
                IsLegacy = item.IsLegacy,
                LegacyJson = item.LegacyJson,
                Issues = issues,
                Notes = item.Notes,
            });
        }

        return new SmartItemImportPreview(file.SchemaVersion, entries);
    }

    /// <summary>Applies a preview item by item: creates, updates (refused when the item changed since the preview) and
    /// skips what the preview skipped.</summary>
    public async Task<IReadOnlyList<SmartItemImportOutcome>> ApplyImportAsync(SmartItemImportPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var outcomes = new List<SmartItemImportOutcome>();
        foreach (var entry in preview.Entries)
        {
            SmartItemSaveResult? result = entry switch
            {
                { Action: SmartItemImportAction.Create, Definition: { } definition } =>
                    await CreateCoreAsync(entry.ExistingId, definition, entry.IsLegacy, entry.LegacyJson, cancellationToken),
                { Action: SmartItemImportAction.Update, Definition: { } definition, ExistingId: { } id, ExistingVersion: { } version } =>
                    await UpdateCoreAsync(id, version, definition, (entry.IsLegacy, entry.LegacyJson), cancellationToken),
                _ => null,
            };
            outcomes.Add(new SmartItemImportOutcome(entry.Name, result is null ? SmartItemImportAction.Skip : entry.Action, result));
        }

        LogImported(logger, outcomes.Count(o => o.Succeeded && o.Action == SmartItemImportAction.Create),
            outcomes.Count(o => o.Succeeded && o.Action == SmartItemImportAction.Update), outcomes.Count(o => !o.Succeeded));
        return outcomes;
    }

    /// <summary>The grid's mapping column: the first mappings with their direction, or the fields a display-only item shows.</summary>
    public static string Summarize(SmartItemModel definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!definition.IsSynchronized || definition.Mappings.Count == 0)
        {
            var shown = definition.DisplayFields.Take(MappingsInSummary).ToList();
            if (shown.Count == 0)
            {
                return definition.IsSynchronized ? "No field mappings" : "No fields shown";
            }

            var more = definition.DisplayFields.Count - shown.Count;
            return "Shows " + string.Join(", ", shown) + (more > 0 ? $", +{more} more" : string.Empty);
        }

        var parts = definition.Mappings.Take(MappingsInSummary).Select(m =>
        {
            var arrow = m.DirectionIn(definition.Mode) switch
            {
                MappingDirection.ZohoToJira => "→",
                MappingDirection.JiraToZoho => "←",
                MappingDirection.Both => "↔",
                _ => "?",
            };
            return $"{m.ZohoFieldLabel ?? m.ZohoField} {arrow} {m.JiraFieldName ?? m.JiraFieldId}";
        }).ToList();
        var rest = definition.Mappings.Count - parts.Count;
        return string.Join(", ", parts) + (rest > 0 ? $", +{rest} more" : string.Empty);
    }

    private async Task<SmartItemSaveResult> CreateCoreAsync(Guid? id, SmartItemModel definition, bool isLegacy, string? legacyJson,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var issues = SmartItemValidator.Validate(definition, metadata: null, isLegacy);
        if (issues.Count > 0)
        {
            return SmartItemSaveResult.Invalid(null, issues);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = definition.Name.Trim();
        if (await db.SmartItems.AnyAsync(s => s.Name == name, cancellationToken))
        {
            return SmartItemSaveResult.Invalid(null, [NameTaken(name)]);
        }

        if (id is { } wanted && await db.SmartItems.AnyAsync(s => s.Id == wanted, cancellationToken))
        {
            id = null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entity = new SmartItemDefinition
        {
            Id = id ?? Guid.NewGuid(),
            Name = name,
            JiraProjectKey = definition.JiraProjectKey,
            ZohoModule = definition.ZohoModule,
            DefinitionJson = string.Empty,
            IsLegacy = isLegacy,
            LegacyJson = isLegacy ? legacyJson : null,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        SmartItemMapper.Apply(definition, entity);
        db.SmartItems.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin took the name between the check and the insert (the unique index said no).
            return SmartItemSaveResult.Invalid(null, [NameTaken(name)]);
        }

        LogCreated(logger, entity.Name, entity.Mode, entity.IsLegacy);
        return SmartItemSaveResult.Saved(entity.Id, entity.Version);
    }

    private async Task<SmartItemSaveResult> UpdateCoreAsync(Guid id, Guid expectedVersion, SmartItemModel definition,
        (bool IsLegacy, string? LegacyJson)? legacy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.SmartItems.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null)
        {
            return SmartItemSaveResult.NotFound(id);
        }

        var isLegacy = legacy?.IsLegacy ?? entity.IsLegacy;
        var issues = SmartItemValidator.Validate(definition, metadata: null, isLegacy);
        if (issues.Count > 0)
        {
            return SmartItemSaveResult.Invalid(id, issues);
        }

        if (entity.Version != expectedVersion)
        {
            return SmartItemSaveResult.Conflict(id, entity.Version);
        }

        var name = definition.Name.Trim();
        if (await db.SmartItems.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
        {
            return SmartItemSaveResult.Invalid(id, [NameTaken(name)]);
        }

        SmartItemMapper.Apply(definition, entity);
        if (legacy is { } replacement)
        {
            entity.IsLegacy = replacement.IsLegacy;
            entity.LegacyJson = replacement.IsLegacy ? replacement.LegacyJson : null;
        }

        var saved = await SaveVersionedAsync(db, entity, expectedVersion, cancellationToken);
        if (saved.Succeeded)
        {
            LogUpdated(logger, entity.Name);
        }

        return saved;
    }

    private async Task<SmartItemSaveResult> SetPausedAsync(Guid id, Guid expectedVersion, bool paused, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.SmartItems.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (entity is null)
        {
            return SmartItemSaveResult.NotFound(id);
        }

        if (entity.Version != expectedVersion)
        {
            return SmartItemSaveResult.Conflict(id, entity.Version);
        }

        entity.IsPaused = paused;
        var saved = await SaveVersionedAsync(db, entity, expectedVersion, cancellationToken);
        if (saved.Succeeded)
        {
            LogPaused(logger, entity.Name, paused);
        }

        return saved;
    }

    /// <summary>Writes the entity with a new version, on the condition that the stored row still has
    /// <paramref name="expectedVersion"/> (the concurrency token): a save in between makes this one a conflict.</summary>
    private async Task<SmartItemSaveResult> SaveVersionedAsync(ZohoJiraDbContext db, SmartItemDefinition entity, Guid expectedVersion,
        CancellationToken cancellationToken)
    {
        db.Entry(entity).Property(s => s.Version).OriginalValue = expectedVersion;
        entity.Version = Guid.NewGuid();
        entity.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SmartItemSaveResult.Saved(entity.Id, entity.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.SmartItems.AsNoTracking().Where(s => s.Id == entity.Id)
                .Select(s => (Guid?)s.Version).SingleOrDefaultAsync(cancellationToken);
            return current is null ? SmartItemSaveResult.NotFound(entity.Id) : SmartItemSaveResult.Conflict(entity.Id, current);
        }
        catch (DbUpdateException)
        {
            return SmartItemSaveResult.Invalid(entity.Id, [NameTaken(entity.Name)]);
        }
    }

    private static SmartItemRecord ToRecord(SmartItemDefinition entity) =>
        new(entity.Id, entity.Version, SmartItemMapper.ToModel(entity), entity.IsLegacy, entity.LegacyJson, entity.CreatedAt, entity.UpdatedAt);

    private static SmartItemValidationIssue NameTaken(string name) =>
        new("name", SmartItemValidationCodes.DuplicateName, $"Another Smart Connected Item is already named '{name}': choose another name.");

    internal static string FreeCopyName(string name, IReadOnlyCollection<string> taken)
    {
        var stem = name.Length > SmartItemValidator.MaxNameLength - 12 ? name[..(SmartItemValidator.MaxNameLength - 12)] : name;
        var candidate = $"{stem} (copy)";
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{stem} (copy {n})";
        }

        return candidate;
    }

    [LoggerMessage(LogLevel.Information, "Smart Connected Item {Name} created ({Mode}, legacy: {IsLegacy})")]
    private static partial void LogCreated(ILogger logger, string name, SyncMode mode, bool isLegacy);

    [LoggerMessage(LogLevel.Information, "Smart Connected Item {Name} updated")]
    private static partial void LogUpdated(ILogger logger, string name);

    [LoggerMessage(LogLevel.Information, "Smart Connected Item {Name} paused: {Paused}")]
    private static partial void LogPaused(ILogger logger, string name, bool paused);

    [LoggerMessage(LogLevel.Information, "Smart Connected Item {Name} deleted with {Links} links")]
    private static partial void LogDeleted(ILogger logger, string name, int links);

    [LoggerMessage(LogLevel.Information, "Import applied: {Created} created, {Updated} updated, {Skipped} skipped")]
    private static partial void LogImported(ILogger logger, int created, int updated, int skipped);
}
