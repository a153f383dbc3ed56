namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoThreadDto
{
    public string? Id { get; set; }

    public string? Channel { get; set; }

    public string? Direction { get; set; }

    public string? Summary { get; set; }

    public string? CreatedTime { get; set; }

    public string? AttachmentCount { get; set; }

    public List<ZohoAttachmentDto>? Attachments { get; set; }
}
