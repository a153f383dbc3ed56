namespace ZohoJira.Core.Zoho.Models;

/// <summary>A ticket status of the organization and the status type it belongs to (Open, On Hold, Closed).</summary>
public sealed record ZohoTicketStatus(string Name, string StatusType);
