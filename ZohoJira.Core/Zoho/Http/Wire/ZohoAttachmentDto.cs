namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoAttachmentDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Bytes, sent by Zoho as a string.</summary>
    public string? Size { get; set; }

    public bool IsPublic { get; set; }

    public string? CreatedTime { get; set; }

    public string? Href { get; set; }
}
