using System.Text.Json;

namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoFieldDto
{
    public string? Id { get; set; }

    public string? ApiName { get; set; }

    public string? DisplayLabel { get; set; }

    public string? Type { get; set; }

    public bool IsCustomField { get; set; }

    public bool IsMandatory { get; set; }

    /// <summary>Strings for picklists, objects <c>{value, statusType}</c> for the status field.</summary>
    public List<JsonElement>? AllowedValues { get; set; }
}
