namespace ZohoJira.Core.Zoho.Models;

/// <summary>A Zoho Desk department.</summary>
public sealed record ZohoDepartment(string Id, string Name, bool IsEnabled, bool IsDefault, string? Description);
