namespace ZohoJira.Core.SmartItems;

/// <summary>Versions of the Smart Connected Item definition format (stored documents and export files).</summary>
public static class SmartItemSchema
{
    /// <summary>The "legacy" format: no issue type, one flat field list, the mode names of the original connector.</summary>
    public const int LegacyVersion = 0;

    public const int CurrentVersion = 1;

    /// <summary>The attachment size limit when none is chosen (as the original connector): 10 MB.</summary>
    public const long DefaultAttachmentSizeLimitBytes = 10L * 1024 * 1024;

    /// <summary>The status field of most Zoho modules; the wizard proposes the module's own when it has another.</summary>
    public const string DefaultZohoStatusField = "status";
}
