namespace ZohoJira.Core.Zoho.Models;

/// <summary>A Zoho Desk organization (portal) the token's user belongs to.</summary>
public sealed record ZohoOrganization(string Id, string CompanyName, string? PortalName, string? Edition, bool IsDefault);
