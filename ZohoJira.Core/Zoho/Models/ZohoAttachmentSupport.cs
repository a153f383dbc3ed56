namespace ZohoJira.Core.Zoho.Models;

/// <summary>What Zoho documents for a module's own attachments.</summary>
public enum ZohoAttachmentSupport
{
    None = 0,

    /// <summary>Files can be uploaded but not listed (calls).</summary>
    UploadOnly = 1,

    ListAndUpload = 2,
}
