using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

// The simulated site's data. Internal and mutable: JiraSandboxState guards every access with one lock.

internal sealed record SimAccount(string AccountId, string Email, string DisplayName, string ApiToken, bool IsAdmin, string AccountType);

internal sealed record SimStatusCategory(int Id, string Key, string Name, string ColorName);

internal sealed record SimStatus(string Id, string Name, SimStatusCategory Category, string Description);

/// <summary>A field as the site knows it, with its schema (type string, number, date, array, option, priority, user, ...).</summary>
internal sealed record SimField(
    string Id,
    string Name,
    bool Custom,
    string SchemaType,
    string? SchemaItems,
    string? SchemaSystem,
    string? SchemaCustom,
    long? CustomId,
    IReadOnlyList<JsonObject> AllowedValues)
{
    public bool IsRichText => SchemaSystem is "description" or "environment" || SchemaCustom == "com.atlassian.jira.plugin.system.customfieldtypes:textarea";
}

/// <summary>A field on a screen: required or not, with a default.</summary>
internal sealed record SimScreenField(string FieldId, bool Required, JsonNode? DefaultValue = null);

internal sealed record SimTransition(string Id, string Name, string? FromStatusId, string ToStatusId, IReadOnlyList<SimScreenField> Screen);

internal sealed record SimWorkflow(string Name, string InitialStatusId, IReadOnlyList<SimTransition> Transitions);

internal sealed record SimIssueType(string Id, string Name, string Description, bool Subtask, int HierarchyLevel);

internal sealed record SimProject(
    string Id,
    string Key,
    string Name,
    string ProjectTypeKey,
    IReadOnlyList<string> IssueTypeIds,
    SimWorkflow Workflow,
    IReadOnlyDictionary<string, IReadOnlyList<SimScreenField>> CreateScreens,
    IReadOnlyList<string> EditOnlyFields);

internal sealed class SimIssue
{
    public required string Id { get; init; }

    public required string Key { get; set; }

    public required SimProject Project { get; init; }

    public required string IssueTypeId { get; set; }

    public required string StatusId { get; set; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    public required SimAccount Reporter { get; init; }

    /// <summary>Field values by id, in their stored (response) shape; summary, description, labels, custom fields, ...</summary>
    public JsonObject Values { get; } = [];

    public List<SimComment> Comments { get; } = [];

    public List<SimAttachment> Attachments { get; } = [];

    public List<SimRemoteLink> RemoteLinks { get; } = [];

    public Dictionary<string, JsonNode> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Write instants, for the per-issue write limit.</summary>
    public Queue<DateTimeOffset> RecentWrites { get; } = new();
}

internal sealed class SimComment
{
    public required string Id { get; init; }

    public required SimAccount Author { get; init; }

    public required SimAccount UpdateAuthor { get; set; }

    public required JsonObject Body { get; set; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>The role or group restriction, as sent (<c>{type, value}</c>).</summary>
    public JsonObject? Visibility { get; set; }

    /// <summary>Comment entity properties by key (<c>sd.public.comment</c> makes a service desk comment internal).</summary>
    public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);

    public bool Internal => Properties.TryGetValue("sd.public.comment", out var p) && p?["internal"] is JsonValue v
        && v.TryGetValue<bool>(out var isInternal) && isInternal;
}

internal sealed class SimAttachment
{
    public required string Id { get; init; }

    public required string IssueId { get; init; }

    public required string FileName { get; init; }

    public required string MimeType { get; init; }

    public required byte[] Content { get; init; }

    public required SimAccount Author { get; init; }

    public required DateTimeOffset Created { get; init; }
}

internal sealed class SimRemoteLink
{
    public required long Id { get; init; }

    public string? GlobalId { get; set; }

    public required JsonObject Request { get; set; }
}

internal sealed class SimWebhook
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public required List<string> Events { get; set; }

    public string? Jql { get; set; }

    public string? Secret { get; set; }

    public bool Enabled { get; set; } = true;

    public bool ExcludeBody { get; set; }

    public required SimAccount Owner { get; init; }
}
