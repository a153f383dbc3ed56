using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Http;
using ZohoJira.Core.Zoho.Models;
using ZohoJira.Core.Zoho.Webhooks;

namespace ZohoJira.Core.Connections;

/// <summary>Connecting Zoho Desk: exchange a Self Client code for tokens, pick the organization, revoke. There is one Zoho
/// connection; connecting again replaces its tokens and clears stale authentication errors everywhere.</summary>
public sealed partial class ZohoConnectionService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IHttpClientFactory httpClientFactory,
    ZohoDataCenters dataCenters,
    ZohoTokenService tokens,
    IZohoDeskClientFactory clientFactory,
    ZohoWebhookSubscriptionService webhooks,
    Sync.Work.WorkItemAdmin work,
    TimeProvider time,
    ILogger<ZohoConnectionService> logger)
{
    private readonly ZohoAccountsClient _accounts = new(httpClientFactory);

    public async Task<ZohoConnectionStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await db.ZohoConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return ZohoConnectionStatus.Disconnected;
        }

        var awaiting = connection.RefreshToken is not null && connection.OrgId is null;
        IReadOnlyList<ZohoOrganization> organizations = [];
        if (awaiting)
        {
            try
            {
                organizations = await ListOrganizationsAsync(connection.Id, connection.DataCenter, cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalApiException ex)
            {
                LogOrganizationsFailed(logger, ex.Category);
            }
        }

        string? deskUrl = null;
        if (dataCenters.IsKnown(connection.DataCenter))
        {
            deskUrl = dataCenters.Resolve(connection.DataCenter).DeskUrl.ToString();
        }

        return new ZohoConnectionStatus(connection.IsConnected, awaiting, connection.DataCenter, connection.ClientId, connection.ApiDomain,
            deskUrl, connection.OrgId, connection.OrgName, connection.ConnectedAt, connection.AccessTokenExpiresAt,
            connection.LastAuthError, connection.LastAuthErrorAt, organizations);
    }

    /// <summary>Exchanges the code and stores the tokens. With exactly one organization it is chosen at once; otherwise the
    /// returned status lists the organizations to choose from. Exchange errors come back as
    /// <see cref="ExternalApiException"/> with a message meant for the admin.</summary>
    public async Task<ZohoConnectionStatus> ConnectAsync(ZohoConnectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dataCenter = request.DataCenter?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!dataCenters.IsKnown(dataCenter))
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Validation, "Choose one of the listed data centers.");
        }

        var clientId = request.ClientId?.Trim() ?? string.Empty;
        var secret = request.ClientSecret?.Trim() ?? string.Empty;
        var code = request.Code?.Trim() ?? string.Empty;
        if (clientId.Length == 0 || secret.Length == 0 || code.Length == 0)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Validation,
                "Client ID, Client Secret and Code are all required.");
        }

        var hosts = dataCenters.Resolve(dataCenter);
        var token = await _accounts.ExchangeCodeAsync(hosts.AccountsUrl, clientId, secret, code, cancellationToken).ConfigureAwait(false);
        if (token.RefreshToken is null)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Validation,
                "Zoho returned no refresh token for this code: generate a new code for the Self Client and try again.");
        }

        var now = time.GetUtcNow();
        int connectionId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var connection = await db.ZohoConnections.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                connection = new ZohoConnection { DataCenter = dataCenter, ClientId = clientId };
                db.ZohoConnections.Add(connection);
            }

            connection.DataCenter = dataCenter;
            connection.ClientId = clientId;
            connection.ClientSecret = secret;
            connection.RefreshToken = token.RefreshToken;
            connection.AccessToken = token.AccessToken;
            connection.AccessTokenExpiresAt = now.AddSeconds(token.ExpiresIn ?? 3600).UtcDateTime;
            connection.GrantedScopes = token.Scope ?? ZohoScopes.CommaSeparated;
            connection.AccountsServer = hosts.AccountsUrl.ToString();
            connection.ApiDomain = token.ApiDomain;
            connection.OrgId = null;
            connection.OrgName = null;
            connection.ConnectedAt = null;
            connection.UpdatedAt = now.UtcDateTime;
            connection.WebhookUrlToken ??= WebhookUrlTokens.New();
            connection.WebhookUrlTokenHash = WebhookUrlTokens.Hash(connection.WebhookUrlToken);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            connectionId = connection.Id;
        }

        tokens.Forget(connectionId);
        LogExchanged(logger, dataCenter);
        var organizations = await ListOrganizationsAsync(connectionId, dataCenter, cancellationToken).ConfigureAwait(false);
        if (organizations.Count == 1)
        {
            return await SelectOrganizationAsync(organizations[0].Id, cancellationToken).ConfigureAwait(false);
        }

        return await GetStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the connection with the chosen organization and clears stale authentication errors.</summary>
    public async Task<ZohoConnectionStatus> SelectOrganizationAsync(string orgId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var connection = await db.ZohoConnections.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Validation, "Connect Zoho Desk first.");
            var organizations = await ListOrganizationsAsync(connection.Id, connection.DataCenter, cancellationToken).ConfigureAwait(false);
            var organization = organizations.FirstOrDefault(o => o.Id == orgId)
                ?? throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Validation,
                    "That organization is not available to this Zoho account.");
            var now = time.GetUtcNow().UtcDateTime;
            connection.OrgId = organization.Id;
            connection.OrgName = organization.CompanyName;
            connection.ConnectedAt = now;
            connection.UpdatedAt = now;
            connection.LastAuthError = null;
            connection.LastAuthErrorAt = null;

            // Reconnecting restores everything: errors that only said "Zoho refused our credentials" are stale now.
            await db.SmartItems.Where(s => s.LastError != null && s.LastError.StartsWith(ZohoAuthError.Prefix))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, (string?)null).SetProperty(s => s.LastErrorAt, (DateTime?)null),
                    cancellationToken).ConfigureAwait(false);
            await db.Links.Where(l => l.LastError != null && l.LastError.StartsWith(ZohoAuthError.Prefix))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.LastError, (string?)null).SetProperty(l => l.LastErrorAt, (DateTime?)null),
                    cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogConnected(logger, organization.Id);
        }

        // Work parked because Zoho refused the old credentials goes back in line.
        await work.ReleaseAuthParkedAsync(cancellationToken).ConfigureAwait(false);

        return await GetStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Start-up upgrade: a webhook URL token written in plain text by an older version gets its lookup hash and is
    /// saved again, which encrypts it. Returns the number of connections upgraded.</summary>
    public async Task<int> ProtectWebhookUrlTokensAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var legacy = await db.ZohoConnections.Where(c => c.WebhookUrlToken != null && c.WebhookUrlTokenHash == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var connection in legacy)
        {
            connection.WebhookUrlTokenHash = WebhookUrlTokens.Hash(connection.WebhookUrlToken!);
            db.Entry(connection).Property(c => c.WebhookUrlToken).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return legacy.Count;
    }

    /// <summary>Revokes the refresh token at Zoho when reachable and always deletes the stored secrets. Returns whether Zoho
    /// confirmed the revocation.</summary>
    public async Task<bool> RevokeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await db.ZohoConnections.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return false;
        }

        var revoked = false;
        if (connection.IsConnected)
        {
            try
            {
                // Stop deliveries first, while the token still works (Zoho would also drop it on the 410 that follows).
                await webhooks.RemoveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalApiException ex)
            {
                LogRevokeFailed(logger, ex.Category);
            }
        }

        if (connection.RefreshToken is { } refreshToken && dataCenters.IsKnown(connection.DataCenter))
        {
            try
            {
                await _accounts.RevokeAsync(dataCenters.Resolve(connection.DataCenter).AccountsUrl, refreshToken, cancellationToken).ConfigureAwait(false);
                revoked = true;
            }
            catch (ExternalApiException ex)
            {
                LogRevokeFailed(logger, ex.Category);
            }
        }

        connection.ClientSecret = null;
        connection.RefreshToken = null;
        connection.AccessToken = null;
        connection.AccessTokenExpiresAt = null;
        connection.OrgId = null;
        connection.OrgName = null;
        connection.ConnectedAt = null;
        connection.WebhookId = null;
        connection.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        tokens.Forget(connection.Id);
        return revoked;
    }

    private async Task<IReadOnlyList<ZohoOrganization>> ListOrganizationsAsync(int connectionId, string dataCenter, CancellationToken cancellationToken)
    {
        var factory = (ZohoDeskClientFactory)clientFactory;
        return await factory.Create(connectionId, dataCenter, string.Empty).ListOrganizationsAsync(cancellationToken).ConfigureAwait(false);
    }


    [LoggerMessage(LogLevel.Information, "Exchanged a Zoho Self Client code in data center {DataCenter}")]
    private static partial void LogExchanged(ILogger logger, string dataCenter);

    [LoggerMessage(LogLevel.Information, "Zoho Desk connected to organization {OrgId}")]
    private static partial void LogConnected(ILogger logger, string orgId);

    [LoggerMessage(LogLevel.Warning, "Could not revoke the Zoho refresh token ({Category}); the stored secrets are deleted anyway")]
    private static partial void LogRevokeFailed(ILogger logger, FailureCategory category);

    [LoggerMessage(LogLevel.Warning, "Could not list Zoho organizations ({Category})")]
    private static partial void LogOrganizationsFailed(ILogger logger, FailureCategory category);
}
