namespace ZohoJira.Core.Connections;

/// <summary>Where one Zoho data center lives: the accounts server (OAuth) and the Zoho Desk API host. Both without a
/// trailing slash.</summary>
public sealed record ZohoDataCenterHosts(string DataCenter, Uri AccountsUrl, Uri DeskUrl);
