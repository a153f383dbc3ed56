using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Builds the Zoho Desk client of the connected organization (base URL from the data-center table).</summary>
internal sealed class ZohoDeskClientFactory(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IHttpClientFactory httpClientFactory,
    ZohoDataCenters dataCenters,
    ZohoTokenService tokens,
    ZohoCreditMonitor credits,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IZohoDeskClientFactory
{
    public const string HttpClientName = "ZohoDesk";

    public async Task<IZohoDeskClient> CreateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await db.ZohoConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (connection is null || !connection.IsConnected)
        {
            throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Authentication,
                ZohoAuthError.Describe("Zoho Desk is not connected."));
        }

        return Create(connection.Id, connection.DataCenter, connection.OrgId!);
    }

    /// <summary>A client for a connection whose organization may not be chosen yet (orgId empty: organizations only).</summary>
    internal ZohoDeskClient Create(int connectionId, string dataCenter, string orgId)
    {
        var deskUrl = dataCenters.Resolve(dataCenter).DeskUrl;
        var http = httpClientFactory.CreateClient(HttpClientName);
        http.BaseAddress = new Uri(deskUrl.ToString().TrimEnd('/') + "/");
        return new ZohoDeskClient(http, connectionId, deskUrl, orgId, tokens, credits, time, loggerFactory.CreateLogger<ZohoDeskClient>());
    }
}
