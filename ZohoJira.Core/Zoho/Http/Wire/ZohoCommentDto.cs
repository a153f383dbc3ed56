namespace ZohoJira.Core.Zoho.Http.Wire;

internal sealed class ZohoCommentDto
{
    public string? Id { get; set; }

    public string? Content { get; set; }

    public string? ContentType { get; set; }

    public bool IsPublic { get; set; }

    public string? CommenterId { get; set; }

    public ZohoCommenterDto? Commenter { get; set; }

    public string? CommentedTime { get; set; }

    public string? ModifiedTime { get; set; }
}
