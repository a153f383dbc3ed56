using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Connections;

/// <summary>What the Zoho connection page shows. Never carries secrets.</summary>
public sealed record ZohoConnectionStatus(
    bool IsConnected,
    bool AwaitingOrganization,
    string? DataCenter,
    string? ClientId,
    string? ApiDomain,
    string? DeskUrl,
    string? OrgId,
    string? OrgName,
    DateTime? ConnectedAt,
    DateTime? AccessTokenExpiresAt,
    string? LastAuthError,
    DateTime? LastAuthErrorAt,
    IReadOnlyList<ZohoOrganization> Organizations)
{
    public static ZohoConnectionStatus Disconnected { get; } =
        new(false, false, null, null, null, null, null, null, null, null, null, null, []);
}
