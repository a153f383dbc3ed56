namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoCommenterDto
{
    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Type { get; set; }
}
