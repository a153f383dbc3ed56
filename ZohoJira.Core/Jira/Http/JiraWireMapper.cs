using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Http.Wire;
using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Jira.Http;

/// <summary>Wire shapes → the models Core sees. Tolerant of missing members: Jira omits what it does not know.</summary>
internal static class JiraWireMapper
{
    public static JiraUser? ToUser(WireUser? user) => user?.AccountId is null
        ? null
        : new JiraUser(user.AccountId, user.DisplayName, user.EmailAddress, user.AccountType, user.Active ?? true, user.TimeZone);

    public static JiraProject ToProject(WireProject project) =>
        new(project.Id ?? string.Empty, project.Key ?? string.Empty, project.Name ?? project.Key ?? string.Empty, project.ProjectTypeKey);

    public static JiraIssueType ToIssueType(WireIssueType type) =>
        new(type.Id ?? string.Empty, type.Name ?? string.Empty, type.Description, type.Subtask ?? false);

    public static JiraFieldSchema? ToSchema(WireFieldSchema? schema) =>
        schema?.Type is null ? null : new JiraFieldSchema(schema.Type, schema.Items, schema.System, schema.Custom);

    public static JiraField ToField(WireField field) =>
        new(field.Id ?? field.Key ?? string.Empty, field.Name ?? field.Id ?? string.Empty, field.Custom ?? false, ToSchema(field.Schema), field.ClauseNames ?? []);

    public static JiraFieldMeta ToFieldMeta(WireFieldMeta field, string? fallbackId = null) => new(
        field.FieldId ?? field.Key ?? fallbackId ?? string.Empty,
        field.Name ?? field.FieldId ?? fallbackId ?? string.Empty,
        field.Required ?? false,
        field.HasDefaultValue ?? false,
        ToSchema(field.Schema),
        field.Operations ?? [],
        ToAllowedValues(field.AllowedValues));

    public static JiraIssueTypeStatuses ToIssueTypeStatuses(WireIssueTypeWithStatus type) => new(
        type.Id ?? string.Empty,
        type.Name ?? string.Empty,
        type.Subtask ?? false,
        type.Statuses?.Select(ToStatus).ToList() ?? []);

    public static JiraStatus ToStatus(WireStatus? status) => new(
        status?.Id ?? string.Empty,
        status?.Name ?? string.Empty,
        status?.StatusCategory?.Key,
        status?.StatusCategory?.Name);

    public static JiraTransition ToTransition(WireTransition transition) => new(
        transition.Id ?? string.Empty,
        transition.Name ?? string.Empty,
        ToStatus(transition.To),
        transition.HasScreen ?? false,
        transition.Fields?.Select(f => ToFieldMeta(f.Value, f.Key)).ToList() ?? []);

    public static JiraAttachment ToAttachment(WireAttachment attachment) => new(
        attachment.Id ?? string.Empty,
        attachment.Filename ?? string.Empty,
        attachment.Size ?? 0,
        attachment.MimeType,
        JiraDates.Parse(attachment.Created),
        ToUser(attachment.Author));

    public static JiraComment ToComment(WireComment comment) => new(
        comment.Id ?? string.Empty,
        ToUser(comment.Author),
        ToUser(comment.UpdateAuthor),
        comment.Body as JsonObject,
        comment.RenderedBody,
        JiraDates.Parse(comment.Created),
        JiraDates.Parse(comment.Updated))
    {
        Visibility = comment.Visibility is { Type: { } type, Value: { } value } ? new JiraCommentVisibility(type, value) : null,
        IsPublic = comment.JsdPublic,
        Properties = (comment.Properties ?? []).Where(p => p.Key is not null)
            .GroupBy(p => p.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
    };

    public static JiraIssue ToIssue(WireIssue issue)
    {
        var fields = issue.Fields ?? [];
        var project = fields["project"] as JsonObject;
        var type = fields["issuetype"] as JsonObject;
        var status = fields["status"] is JsonObject s ? s.Deserialize(JiraWireJsonContext.Default.WireStatus) : null;
        var attachments = fields["attachment"] is JsonArray list
            ? list.OfType<JsonObject>().Select(a => ToAttachment(a.Deserialize(JiraWireJsonContext.Default.WireAttachment)!)).ToList()
            : [];
        return new JiraIssue(
            issue.Id ?? string.Empty,
            issue.Key ?? string.Empty,
            Text(project?["id"]),
            Text(project?["key"]),
            Text(type?["id"]),
            Text(type?["name"]),
            Text(fields["summary"]),
            status is null ? null : ToStatus(status),
            JiraDates.Parse(fields["created"]),
            JiraDates.Parse(fields["updated"]),
            attachments,
            fields,
            issue.RenderedFields);
    }

    public static JiraWebhook ToWebhook(WireWebhook webhook)
    {
        var id = webhook.Self is { Length: > 0 } self ? self.TrimEnd('/')[(self.TrimEnd('/').LastIndexOf('/') + 1)..] : string.Empty;
        string? jql = null;
        webhook.Filters?.TryGetValue(JiraWebhookFilters.IssueRelatedEvents, out jql);
        return new JiraWebhook(id, webhook.Name ?? string.Empty, webhook.Url ?? string.Empty, webhook.Events ?? [], jql, webhook.Enabled ?? true);
    }

    private static List<JiraAllowedValue> ToAllowedValues(JsonArray? values) => values is null
        ? []
        : values.OfType<JsonObject>().Select(v => new JiraAllowedValue(Text(v["id"]), Text(v["name"]), Text(v["value"]))).ToList();

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
