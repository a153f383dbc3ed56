namespace ZohoJira.Core.Zoho.Models;

/// <summary>A layout of a module in a department. Its fields (with the picklist values this layout offers) come from
/// <see cref="IZohoDeskClient.GetLayoutFieldsAsync"/>.</summary>
public sealed record ZohoLayout(string Id, string Name, string? DepartmentId, bool IsDefault, bool IsActive);
