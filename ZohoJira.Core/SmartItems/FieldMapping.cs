namespace ZohoJira.Core.SmartItems;

/// <summary>One mapped field: a Jira field (by id, e.g. <c>summary</c>, <c>customfield_10042</c>) and a Zoho field (by
/// API name, e.g. <c>subject</c>, <c>cf_severity</c>). Names are kept only to make files and screens readable.</summary>
public sealed record FieldMapping
{
    public required string JiraFieldId { get; init; }

    public string? JiraFieldName { get; init; }

    public required string ZohoField { get; init; }

    public string? ZohoFieldLabel { get; init; }

    /// <summary>Required in Custom mode; ignored in the other modes, which imply it (see <see cref="DirectionIn"/>).</summary>
    public MappingDirection? Direction { get; init; }

    /// <summary>Where the two sides' values differ; a value without an entry is copied as it is.</summary>
    public IReadOnlyList<ValueMapEntry> ValueMap { get; init; } = [];

    public ValueConversion Conversion { get; init; }

    /// <summary>The direction this mapping flows under the item's mode; null when nothing flows (display only, or a
    /// Custom mapping without a direction, which validation refuses).</summary>
    public MappingDirection? DirectionIn(SyncMode mode) => mode switch
    {
        SyncMode.OneWay => MappingDirection.ZohoToJira,
        SyncMode.TwoWay => MappingDirection.Both,
        SyncMode.Custom => Direction,
        _ => null,
    };

    /// <summary>True when this mapping writes the Jira field under the item's mode.</summary>
    public bool WritesJira(SyncMode mode) => DirectionIn(mode) is MappingDirection.ZohoToJira or MappingDirection.Both;

    /// <summary>True when this mapping writes the Zoho field under the item's mode.</summary>
    public bool WritesZoho(SyncMode mode) => DirectionIn(mode) is MappingDirection.JiraToZoho or MappingDirection.Both;
}
