namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoCommentRequestDto
{
    public string? Content { get; set; }

    public string? ContentType { get; set; }

    public bool IsPublic { get; set; }
}
