using System.Text.Json.Serialization;

namespace ZohoJira.Core.SmartItems;

/// <summary>Source-generated JSON for stored definitions and export files: camelCase, enums as their names, nulls left
/// out, indented so an exported file reads well.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SmartItemDocument))]
[JsonSerializable(typeof(SmartItemExportFile))]
internal sealed partial class SmartItemJsonContext : JsonSerializerContext;
