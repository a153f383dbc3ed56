namespace ZohoJira.Core.Zoho;

/// <summary>Gives a client for the connected Zoho Desk organization.</summary>
public interface IZohoDeskClientFactory
{
    /// <summary>A client for the current connection; throws an authentication <see cref="Common.ExternalApiException"/>
    /// when Zoho Desk is not connected.</summary>
    Task<IZohoDeskClient> CreateAsync(CancellationToken cancellationToken = default);
}
