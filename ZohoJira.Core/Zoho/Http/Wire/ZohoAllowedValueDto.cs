namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoAllowedValueDto
{
    public string? Value { get; set; }

    public string? StatusType { get; set; }
}
