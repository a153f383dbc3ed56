namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>Supplies the current tenant's metadata for a definition (filled from the vendor ports).</summary>
public interface ISmartItemMetadataSource
{
    Task<SmartItemMetadata> GetAsync(SmartItemModel definition, CancellationToken cancellationToken);
}
