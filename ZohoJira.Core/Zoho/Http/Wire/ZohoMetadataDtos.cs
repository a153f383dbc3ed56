namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoOrganizationModuleDto
{
    public string? Id { get; set; }

    public string? ApiName { get; set; }

    public string? DisplayLabel { get; set; }

    public string? PluralLabel { get; set; }

    public string? SingularLabel { get; set; }

    public string? NameField { get; set; }

    public bool? IsCustomModule { get; set; }
}

internal sealed class ZohoDepartmentDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsEnabled { get; set; }

    public bool? IsDefault { get; set; }

    public string? Description { get; set; }
}

internal sealed class ZohoAgentDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailId { get; set; }

    public string? Status { get; set; }

    public bool? IsConfirmed { get; set; }
}

internal sealed class ZohoLayoutDto
{
    public string? Id { get; set; }

    public string? LayoutName { get; set; }

    public string? LayoutDisplayName { get; set; }

    public string? DepartmentId { get; set; }

    public bool? IsDefaultLayout { get; set; }

    public string? Status { get; set; }

    public List<ZohoLayoutSectionDto>? Sections { get; set; }
}

internal sealed class ZohoLayoutSectionDto
{
    public string? Name { get; set; }

    public List<ZohoFieldDto>? Fields { get; set; }
}
