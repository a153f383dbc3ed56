namespace ZohoJira.Core.Zoho.Models;

/// <summary>One allowed value of a picklist; for the ticket status field also its status type (Open, On Hold, Closed).</summary>
public sealed record ZohoFieldValue(string Value, string? StatusType);
