namespace ZohoJira.Core.SmartItems;

/// <summary>Which way a mapped field flows. In Custom mode each mapping names it; the other modes imply it.</summary>
public enum MappingDirection
{
    /// <summary>Zoho owns the field: Zoho → Jira.</summary>
    ZohoToJira = 0,

    /// <summary>Jira owns the field: Jira → Zoho.</summary>
    JiraToZoho = 1,

    /// <summary>Both sides write it.</summary>
    Both = 2,
}
