namespace ZohoJira.Core.Zoho.Models;

/// <summary>Field metadata of a module: API name, label, Zoho's type name, and picklist values.</summary>
public sealed record ZohoField(
    string Id,
    string ApiName,
    string DisplayLabel,
    string Type,
    bool IsCustomField,
    bool IsMandatory,
    IReadOnlyList<ZohoFieldValue> AllowedValues)
{
    /// <summary>True for the field that holds the record's status (tickets: <c>status</c>).</summary>
    public bool IsStatusField => string.Equals(ApiName, "status", StringComparison.Ordinal);
}
