using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireIssue
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    public JsonObject? Fields { get; set; }

    public JsonObject? RenderedFields { get; set; }
}

internal sealed class WireSearchResults
{
    public List<WireIssue>? Issues { get; set; }

    public string? NextPageToken { get; set; }

    public bool? IsLast { get; set; }
}

internal sealed class WireEntityProperty
{
    public string? Key { get; set; }

    public JsonNode? Value { get; set; }
}

internal sealed class WireIssueUpdate
{
    public JsonObject? Fields { get; set; }

    public WireTransitionRef? Transition { get; set; }

    public List<WireEntityProperty>? Properties { get; set; }
}

internal sealed class WireTransitionRef
{
    public string? Id { get; set; }
}

internal sealed class WireCreatedIssue
{
    public string? Id { get; set; }

    public string? Key { get; set; }
}

internal sealed class WireStatusCategory
{
    public int? Id { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }
}

internal sealed class WireStatus
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public WireStatusCategory? StatusCategory { get; set; }
}

internal sealed class WireTransition
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public WireStatus? To { get; set; }

    public bool? HasScreen { get; set; }

    public Dictionary<string, WireFieldMeta>? Fields { get; set; }
}

internal sealed class WireTransitions
{
    public List<WireTransition>? Transitions { get; set; }
}

internal sealed class WireAttachment
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    public string? Filename { get; set; }

    public long? Size { get; set; }

    public string? MimeType { get; set; }

    public JsonNode? Created { get; set; }

    public WireUser? Author { get; set; }
}
