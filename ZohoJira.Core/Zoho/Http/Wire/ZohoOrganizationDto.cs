namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoOrganizationDto
{
    public string? Id { get; set; }

    public string? CompanyName { get; set; }

    public string? PortalName { get; set; }

    public string? Edition { get; set; }

    public bool IsDefault { get; set; }
}
