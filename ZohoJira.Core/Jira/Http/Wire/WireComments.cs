using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireComment
{
    public string? Id { get; set; }

    public WireUser? Author { get; set; }

    public WireUser? UpdateAuthor { get; set; }

    public JsonNode? Body { get; set; }

    public string? RenderedBody { get; set; }

    public string? Created { get; set; }

    public string? Updated { get; set; }

    public WireVisibility? Visibility { get; set; }

    public bool? JsdPublic { get; set; }

    public List<WireEntityProperty>? Properties { get; set; }
}

internal sealed class WireVisibility
{
    public string? Type { get; set; }

    public string? Value { get; set; }
}

internal sealed class WireCommentPage
{
    public List<WireComment>? Comments { get; set; }

    public long? StartAt { get; set; }

    public int? MaxResults { get; set; }

    public long? Total { get; set; }
}

internal sealed class WireCommentRequest
{
    public JsonObject? Body { get; set; }

    public WireVisibility? Visibility { get; set; }

    public List<WireEntityProperty>? Properties { get; set; }
}
