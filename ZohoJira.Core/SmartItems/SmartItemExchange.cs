using System.Text.Json;

namespace ZohoJira.Core.SmartItems;

/// <summary>Writes and reads export files. Reading detects the schema version and migrates older formats.</summary>
public static class SmartItemExchange
{
    /// <summary>Larger files are refused before parsing.</summary>
    public const int MaxFileChars = 5 * 1024 * 1024;

    public static string Write(SmartItemExportFile file) =>
        JsonSerializer.Serialize(file, SmartItemJsonContext.Default.SmartItemExportFile);

    public static ParsedImportFile Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SmartItemImportException("The file is empty.");
        }

        if (json.Length > MaxFileChars)
        {
            throw new SmartItemImportException("The file is larger than 5 MB; export fewer items at a time.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SmartItemImportException($"The file is not valid JSON (line {e.LineNumber + 1}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = SmartItemSchema.LegacyVersion;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out var versionElement))
            {
                if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out version) || version < 0)
                {
                    throw new SmartItemImportException("The file's schemaVersion is not a version number.");
                }
            }

            if (version > SmartItemSchema.CurrentVersion)
            {
                throw new SmartItemImportException(
                    $"The file was written in schema version {version}; this installation reads up to version {SmartItemSchema.CurrentVersion}. Update it first.");
            }

            if (version == SmartItemSchema.LegacyVersion)
            {
                return new ParsedImportFile(version, LegacySmartItemFormat.Read(root));
            }

            return new ParsedImportFile(version, ReadCurrent(root));
        }
    }

    private static List<ParsedImportItem> ReadCurrent(JsonElement root)
    {
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new SmartItemImportException("The file has no \"items\" list.");
        }

        var result = new List<ParsedImportItem>();
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            index++;
            var name = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("definition", out var d)
                && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString() ?? $"Item {index}"
                : $"Item {index}";
            try
            {
                var file = JsonSerializer.Deserialize(
                    $"{{\"items\":[{element.GetRawText()}]}}", SmartItemJsonContext.Default.SmartItemExportFile);
                var item = file?.Items.SingleOrDefault();
                result.Add(item?.Definition is null
                    ? new ParsedImportItem { DisplayName = name, Error = $"Item {index} has no definition." }
                    : new ParsedImportItem { DisplayName = name, Id = item.Id, Definition = Normalize(item.Definition) });
            }
            catch (JsonException e)
            {
                result.Add(new ParsedImportItem { DisplayName = name, Error = $"Item {index} ('{name}') cannot be read: {Describe(e)}" });
            }
        }

        return result;
    }

    /// <summary>Parts that a file wrote as null become empty, so the engine never meets a null list.</summary>
    private static SmartItemModel Normalize(SmartItemModel model)
    {
        var status = model.Status ?? new StatusSyncSettings();
        var rules = model.Rules ?? new SyncRuleSet();
        return model with
        {
            DisplayFields = model.DisplayFields ?? [],
            Mappings = (model.Mappings ?? []).Select(m => m with { ValueMap = m.ValueMap ?? [] }).ToList(),
            Status = status with
            {
                ZohoStatusField = status.ZohoStatusField ?? SmartItemSchema.DefaultZohoStatusField,
                ValueMap = status.ValueMap ?? [],
                TransitionDefaults = status.TransitionDefaults ?? [],
            },
            Options = model.Options ?? new SyncOptions(),
            Rules = rules with { Rules = (rules.Rules ?? []).Select(r => r with { Values = r.Values ?? [] }).ToList() },
        };
    }

    private static string Describe(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"the value at {path} is not valid." : "a value is not valid.";
}
