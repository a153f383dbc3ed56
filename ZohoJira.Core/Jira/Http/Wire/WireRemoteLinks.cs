using System.Text.Json.Serialization;

namespace ZohoJira.Core.Jira.Http.Wire;

internal sealed class WireRemoteLinkRequest
{
    public string? GlobalId { get; set; }

    public WireApplication? Application { get; set; }

    public string? Relationship { get; set; }

    public WireRemoteObject? Object { get; set; }
}

internal sealed class WireApplication
{
    public string? Type { get; set; }

    public string? Name { get; set; }
}

internal sealed class WireRemoteObject
{
    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public WireIcon? Icon { get; set; }

    public WireRemoteStatus? Status { get; set; }
}

internal sealed class WireIcon
{
    [JsonPropertyName("url16x16")]
    public string? Url16X16 { get; set; }

    public string? Title { get; set; }

    /// <summary>Where a click on a status icon leads (Jira ignores it on the object's own icon).</summary>
    public string? Link { get; set; }
}

internal sealed class WireRemoteStatus
{
    public bool? Resolved { get; set; }

    public WireIcon? Icon { get; set; }
}

internal sealed class WireRemoteLinkIdentifies
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }
}

internal sealed class WireRemoteLink
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    public string? GlobalId { get; set; }

    public string? Relationship { get; set; }

    public WireRemoteObject? Object { get; set; }
}
