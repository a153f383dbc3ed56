using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ZohoJira.Core.Common;
using ZohoJira.Core.Common.Http;
using ZohoJira.Core.Jira.Http.Wire;
using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Jira.Http;

/// <summary>The Jira Cloud REST client for one site. Retries belong to the handler pipeline of the named HttpClient (it
/// retries only idempotent calls); this class builds requests, reads answers and classifies failures.</summary>
internal sealed class JiraClient(HttpClient http, JiraSite site) : IJiraClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly AuthenticationHeaderValue _authorization = new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{site.Email}:{site.ApiToken}")));

    public JiraSite Site { get; } = site;

    public async Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken = default)
    {
        var user = await GetJsonAsync(JiraUrls.Myself(), JiraWireJsonContext.Default.WireUser, "read the connected account", cancellationToken);
        return JiraWireMapper.ToUser(user) ?? throw Malformed("read the connected account");
    }

    public async Task<Page<JiraProject>> GetProjectsAsync(string? continuation = null, CancellationToken cancellationToken = default)
    {
        var startAt = ParseOffset(continuation);
        var page = await GetJsonAsync(JiraUrls.Projects(startAt), JiraWireJsonContext.Default.WireProjectPage, "list projects", cancellationToken);
        var items = page.Values?.Select(JiraWireMapper.ToProject).ToList() ?? [];
        var next = startAt + items.Count;
        var last = page.IsLast ?? (page.Total is { } total ? next >= total : items.Count == 0);
        return new Page<JiraProject>(items, last || items.Count == 0 ? null : next.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<JiraIssueType>> GetIssueTypesAsync(string projectIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var result = new List<JiraIssueType>();
        long startAt = 0;
        while (true)
        {
            var page = await GetJsonAsync(JiraUrls.CreateMetaIssueTypes(projectIdOrKey, startAt), JiraWireJsonContext.Default.WireCreateMetaIssueTypes,
                $"list the issue types of project {projectIdOrKey}", cancellationToken);
            var items = page.IssueTypes ?? [];
            result.AddRange(items.Select(JiraWireMapper.ToIssueType));
            startAt += items.Count;
            if (items.Count == 0 || page.Total is not { } total || startAt >= total)
            {
                return result;
            }
        }
    }

    public async Task<IReadOnlyList<JiraField>> GetFieldsAsync(CancellationToken cancellationToken = default)
    {
        var fields = await GetJsonAsync(JiraUrls.Fields(), JiraWireJsonContext.Default.ListWireField, "list fields", cancellationToken);
        return fields.Select(JiraWireMapper.ToField).ToList();
    }

    public async Task<IReadOnlyList<JiraFieldMeta>> GetCreateFieldsAsync(string projectIdOrKey, string issueTypeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(issueTypeId);
        var result = new List<JiraFieldMeta>();
        long startAt = 0;
        while (true)
        {
            var page = await GetJsonAsync(JiraUrls.CreateMetaFields(projectIdOrKey, issueTypeId, startAt), JiraWireJsonContext.Default.WireCreateMetaFields,
                $"read the create screen of project {projectIdOrKey}, issue type {issueTypeId}", cancellationToken);
            var items = page.Fields ?? [];
            result.AddRange(items.Select(f => JiraWireMapper.ToFieldMeta(f)));
            startAt += items.Count;
            if (items.Count == 0 || page.Total is not { } total || startAt >= total)
            {
                return result;
            }
        }
    }

    public async Task<IReadOnlyList<JiraFieldMeta>?> GetEditFieldsAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var meta = await GetJsonOrNullAsync(JiraUrls.EditMeta(issueIdOrKey), JiraWireJsonContext.Default.WireEditMeta,
            $"read the edit screen of issue {issueIdOrKey}", cancellationToken);
        return meta?.Fields?.Select(f => JiraWireMapper.ToFieldMeta(f.Value, f.Key)).ToList() ?? (meta is null ? null : []);
    }

    public async Task<IReadOnlyList<JiraIssueTypeStatuses>> GetProjectStatusesAsync(string projectIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var types = await GetJsonAsync(JiraUrls.ProjectStatuses(projectIdOrKey), JiraWireJsonContext.Default.ListWireIssueTypeWithStatus,
            $"list the statuses of project {projectIdOrKey}", cancellationToken);
        return types.Select(JiraWireMapper.ToIssueTypeStatuses).ToList();
    }

    public async Task<IReadOnlyList<JiraUser>> SearchUsersAsync(string query, int maxResults = 50, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        var users = await GetJsonAsync(JiraUrls.UserSearch(query.Trim(), Math.Min(maxResults, 1000)), JiraWireJsonContext.Default.ListWireUser,
            "search users", cancellationToken);
        return users.Select(JiraWireMapper.ToUser).OfType<JiraUser>().Where(u => u.Active).ToList();
    }

    public async Task<JiraUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var address = email.Trim();
        var users = await SearchUsersAsync(address, JiraUrls.UserSearchPageSize, cancellationToken);
        var exact = users.Where(u => string.Equals(u.EmailAddress, address, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? exact[0] : null;
        }

        return users is [{ EmailAddress: null } only] ? only : null;
    }

    public async Task<JiraCreatedIssue> CreateIssueAsync(JiraIssueCreate issue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var fields = (JsonObject)issue.Fields.DeepClone();
        fields["project"] = issue.ProjectIdOrKey.All(char.IsAsciiDigit)
            ? new JsonObject { ["id"] = issue.ProjectIdOrKey }
            : new JsonObject { ["key"] = issue.ProjectIdOrKey };
        fields["issuetype"] = new JsonObject { ["id"] = issue.IssueTypeId };
        var body = new WireIssueUpdate
        {
            Fields = fields,
            Properties = issue.Properties?.Select(p => new WireEntityProperty { Key = p.Key, Value = p.Value.DeepClone() }).ToList(),
        };
        using var request = JsonRequest(HttpMethod.Post, JiraUrls.CreateIssue(), body, JiraWireJsonContext.Default.WireIssueUpdate);
        using var response = await SendAsync(request, $"create an issue in project {issue.ProjectIdOrKey}", false, cancellationToken);
        var created = await ReadJsonAsync(response, JiraWireJsonContext.Default.WireCreatedIssue, "create an issue", cancellationToken);
        return new JiraCreatedIssue(created.Id ?? throw Malformed("create an issue"), created.Key ?? string.Empty);
    }

    public async Task<JiraIssue?> GetIssueAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var issue = await GetJsonOrNullAsync(JiraUrls.Issue(issueIdOrKey), JiraWireJsonContext.Default.WireIssue, $"read issue {issueIdOrKey}", cancellationToken);
        return issue is null ? null : JiraWireMapper.ToIssue(issue);
    }

    public async Task<JiraIssue?> GetIssueAsync(string issueIdOrKey, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(fields);
        var wanted = fields.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).DefaultIfEmpty("status").ToList();
        var issue = await GetJsonOrNullAsync(JiraUrls.IssueFields(issueIdOrKey, wanted), JiraWireJsonContext.Default.WireIssue, $"read issue {issueIdOrKey}", cancellationToken);
        return issue is null ? null : JiraWireMapper.ToIssue(issue);
    }

    public async Task EditIssueAsync(string issueIdOrKey, JsonObject changedFields, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(changedFields);
        if (changedFields.Count == 0)
        {
            return;
        }

        var body = new WireIssueUpdate { Fields = (JsonObject)changedFields.DeepClone() };
        using var request = JsonRequest(HttpMethod.Put, JiraUrls.EditIssue(issueIdOrKey), body, JiraWireJsonContext.Default.WireIssueUpdate);
        using var response = await SendAsync(request, $"edit issue {issueIdOrKey}", false, cancellationToken);
    }

    public async Task<Page<JiraIssue>> SearchIssuesAsync(JiraSearchRequest request, string? continuation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Jql);
        var url = JiraUrls.Search(request.Jql, request.Fields, Math.Clamp(request.MaxResults, 1, 5000), request.RenderedFields, continuation);
        var page = await GetJsonAsync(url, JiraWireJsonContext.Default.WireSearchResults, "search issues", cancellationToken);
        var items = page.Issues?.Select(JiraWireMapper.ToIssue).ToList() ?? [];
        var next = page.IsLast == true || string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        return new Page<JiraIssue>(items, next);
    }

    public async Task<IReadOnlyList<JiraTransition>> GetTransitionsAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var result = await GetJsonAsync(JiraUrls.Transitions(issueIdOrKey), JiraWireJsonContext.Default.WireTransitions,
            $"list the transitions of issue {issueIdOrKey}", cancellationToken);
        return result.Transitions?.Select(JiraWireMapper.ToTransition).ToList() ?? [];
    }

    public async Task TransitionIssueAsync(string issueIdOrKey, string transitionId, JsonObject? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(transitionId);
        var body = new WireIssueUpdate
        {
            Transition = new WireTransitionRef { Id = transitionId },
            Fields = fields is { Count: > 0 } ? (JsonObject)fields.DeepClone() : null,
        };
        using var request = JsonRequest(HttpMethod.Post, JiraUrls.DoTransition(issueIdOrKey), body, JiraWireJsonContext.Default.WireIssueUpdate);
        using var response = await SendAsync(request, $"transition issue {issueIdOrKey}", false, cancellationToken);
    }

    public async Task<Page<JiraComment>> GetCommentsAsync(string issueIdOrKey, string? continuation = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var startAt = ParseOffset(continuation);
        var page = await GetJsonAsync(JiraUrls.Comments(issueIdOrKey, startAt), JiraWireJsonContext.Default.WireCommentPage,
            $"list the comments of issue {issueIdOrKey}", cancellationToken);
        var items = page.Comments?.Select(JiraWireMapper.ToComment).ToList() ?? [];
        var next = startAt + items.Count;
        var more = items.Count > 0 && page.Total is { } total && next < total;
        return new Page<JiraComment>(items, more ? next.ToString(CultureInfo.InvariantCulture) : null);
    }

    public async Task<JiraComment?> GetCommentAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        var comment = await GetJsonOrNullAsync(JiraUrls.Comment(issueIdOrKey, commentId), JiraWireJsonContext.Default.WireComment,
            $"read comment {commentId} of issue {issueIdOrKey}", cancellationToken);
        return comment is null ? null : JiraWireMapper.ToComment(comment);
    }

    public Task<JiraComment> AddCommentAsync(string issueIdOrKey, JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AddCommentAsync(issueIdOrKey, new JiraCommentInput(body), cancellationToken);
    }

    public async Task<JiraComment> AddCommentAsync(string issueIdOrKey, JiraCommentInput comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(comment);
        using var request = JsonRequest(HttpMethod.Post, JiraUrls.AddComment(issueIdOrKey), ToRequest(comment), JiraWireJsonContext.Default.WireCommentRequest);
        using var response = await SendAsync(request, $"comment on issue {issueIdOrKey}", false, cancellationToken);
        return JiraWireMapper.ToComment(await ReadJsonAsync(response, JiraWireJsonContext.Default.WireComment, "comment", cancellationToken));
    }

    public Task<JiraComment> UpdateCommentAsync(string issueIdOrKey, string commentId, JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return UpdateCommentAsync(issueIdOrKey, commentId, new JiraCommentInput(body), cancellationToken);
    }

    public async Task<JiraComment> UpdateCommentAsync(string issueIdOrKey, string commentId, JiraCommentInput comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        ArgumentNullException.ThrowIfNull(comment);
        using var request = JsonRequest(HttpMethod.Put, JiraUrls.Comment(issueIdOrKey, commentId), ToRequest(comment), JiraWireJsonContext.Default.WireCommentRequest);
        using var response = await SendAsync(request, $"update comment {commentId} of issue {issueIdOrKey}", false, cancellationToken);
        return JiraWireMapper.ToComment(await ReadJsonAsync(response, JiraWireJsonContext.Default.WireComment, "update a comment", cancellationToken));
    }

    private static WireCommentRequest ToRequest(JiraCommentInput comment)
    {
        var properties = new List<WireEntityProperty>();
        if (comment.Internal)
        {
            properties.Add(new WireEntityProperty { Key = JiraCommentInput.ServiceDeskPublicProperty, Value = new JsonObject { ["internal"] = true } });
        }

        foreach (var (key, value) in comment.Properties ?? new Dictionary<string, JsonNode>())
        {
            properties.Add(new WireEntityProperty { Key = key, Value = value.DeepClone() });
        }

        return new WireCommentRequest
        {
            Body = (JsonObject)comment.Body.DeepClone(),
            Visibility = comment.Visibility is { } v ? new WireVisibility { Type = v.Type, Value = v.Value } : null,
            Properties = properties.Count > 0 ? properties : null,
        };
    }

    public async Task<JiraAttachment> UploadAttachmentAsync(
        string issueIdOrKey, string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var file = new StreamContent(content, 81_920);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(JiraUrls.Attachments(issueIdOrKey))) { Content = form };
        request.Headers.Add(JiraHttp.AtlassianTokenHeader, "no-check");
        using var response = await SendAsync(request, $"attach {fileName} to issue {issueIdOrKey}", false, cancellationToken);
        var attachments = await ReadJsonAsync(response, JiraWireJsonContext.Default.ListWireAttachment, "attach a file", cancellationToken);
        return attachments.Count > 0 ? JiraWireMapper.ToAttachment(attachments[0]) : throw Malformed("attach a file");
    }

    public async Task<JiraAttachmentDownload?> DownloadAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var operation = $"download attachment {attachmentId}";
        var response = await SendForContentAsync(Url(JiraUrls.AttachmentContent(attachmentId)), operation, cancellationToken);
        if (response is not null && IsRedirect(response.StatusCode))
        {
            var location = response.Headers.Location;
            response.Dispose();
            var target = location is null ? null : location.IsAbsoluteUri ? location : new Uri(Site.SiteUrl, location);

            // Jira answers with a redirect to a media host. Our credentials belong to the site only, and outbound calls go
            // to the configured site only: follow a redirect that stays on the site, otherwise ask the site for the bytes.
            response = target is not null && SameOrigin(target, Site.SiteUrl)
                ? await SendForContentAsync(target, operation, cancellationToken)
                : await SendForContentAsync(Url(JiraUrls.AttachmentContentDirect(attachmentId)), operation, cancellationToken);
            if (response is not null && IsRedirect(response.StatusCode))
            {
                response.Dispose();
                throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Unknown, $"Jira kept redirecting while trying to {operation}.");
            }
        }

        if (response is null)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new JiraAttachmentDownload(stream, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentLength, response);
    }

    public async Task<JiraRemoteLinkResult> UpsertRemoteLinkAsync(string issueIdOrKey, JiraRemoteLink link, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(link);
        var body = new WireRemoteLinkRequest
        {
            GlobalId = link.GlobalId,
            Relationship = link.Relationship,
            Application = link.ApplicationType is null && link.ApplicationName is null
                ? null
                : new WireApplication { Type = link.ApplicationType, Name = link.ApplicationName },
            Object = new WireRemoteObject
            {
                Url = link.Url.ToString(),
                Title = link.Title,
                Summary = link.Summary,
                Icon = link.IconUrl is null ? null : new WireIcon { Url16X16 = link.IconUrl.ToString(), Title = link.IconTitle },
                Status = new WireRemoteStatus
                {
                    Resolved = link.Resolved,
                    Icon = link.StatusIcon is { } icon
                        ? new WireIcon { Url16X16 = icon.Url16X16.ToString(), Title = icon.Title, Link = icon.Link.ToString() }
                        : null,
                },
            },
        };
        using var request = JsonRequest(HttpMethod.Post, JiraUrls.RemoteLinks(issueIdOrKey), body, JiraWireJsonContext.Default.WireRemoteLinkRequest);
        request.Options.Set(HttpResilience.Idempotent, true); // an upsert by global id: repeating it changes nothing
        using var response = await SendAsync(request, $"link issue {issueIdOrKey} to {link.Title}", false, cancellationToken);
        var identifies = await ReadJsonAsync(response, JiraWireJsonContext.Default.WireRemoteLinkIdentifies, "link an issue", cancellationToken);
        var id = long.TryParse(identifies.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return new JiraRemoteLinkResult(id, response.StatusCode == HttpStatusCode.Created);
    }

    public async Task<IReadOnlyList<JiraStoredRemoteLink>> GetRemoteLinksAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var links = await GetJsonAsync(JiraUrls.RemoteLinks(issueIdOrKey), JiraWireJsonContext.Default.ListWireRemoteLink,
            $"list the remote links of issue {issueIdOrKey}", cancellationToken);
        return links.Select(l => new JiraStoredRemoteLink(
            long.TryParse(l.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0,
            l.GlobalId, l.Object?.Url, l.Object?.Title, l.Relationship, l.Object?.Status?.Icon?.Link)).ToList();
    }

    public async Task<JsonNode?> GetIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyKey);
        var property = await GetJsonOrNullAsync(JiraUrls.IssueProperty(issueIdOrKey, propertyKey), JiraWireJsonContext.Default.WireEntityProperty,
            $"read property {propertyKey} of issue {issueIdOrKey}", cancellationToken);
        return property?.Value;
    }

    public async Task SetIssuePropertyAsync(string issueIdOrKey, string propertyKey, JsonNode value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyKey);
        ArgumentNullException.ThrowIfNull(value);
        using var request = JsonRequest(HttpMethod.Put, JiraUrls.IssueProperty(issueIdOrKey, propertyKey), value, JiraWireJsonContext.Default.JsonNode);
        using var response = await SendAsync(request, $"set property {propertyKey} of issue {issueIdOrKey}", false, cancellationToken);
    }

    public async Task<JiraWebhook> RegisterWebhookAsync(JiraWebhookRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = new WireWebhook
        {
            Name = registration.Name,
            Url = registration.Url.ToString(),
            Events = [.. registration.Events],
            Filters = string.IsNullOrWhiteSpace(registration.JqlFilter)
                ? null
                : new Dictionary<string, string> { [JiraWebhookFilters.IssueRelatedEvents] = registration.JqlFilter },
            ExcludeBody = false,
            Secret = registration.Secret,
        };
        using var request = JsonRequest(HttpMethod.Post, JiraUrls.Webhooks(), body, JiraWireJsonContext.Default.WireWebhook);
        using var response = await SendAsync(request, "register the webhook", false, cancellationToken);
        return JiraWireMapper.ToWebhook(await ReadJsonAsync(response, JiraWireJsonContext.Default.WireWebhook, "register the webhook", cancellationToken));
    }

    public async Task<IReadOnlyList<JiraWebhook>> GetWebhooksAsync(CancellationToken cancellationToken = default)
    {
        var hooks = await GetJsonAsync(JiraUrls.Webhooks(), JiraWireJsonContext.Default.ListWireWebhook, "list webhooks", cancellationToken);
        return hooks.Select(JiraWireMapper.ToWebhook).ToList();
    }

    public async Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Url(JiraUrls.Webhook(webhookId)));
        using var response = await SendAsync(request, $"delete webhook {webhookId}", true, cancellationToken);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static long ParseOffset(string? continuation) =>
        continuation is null ? 0 : long.TryParse(continuation, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
            : throw new ArgumentException("Not a continuation of this list.", nameof(continuation));

    private static ExternalApiException Malformed(string operation) =>
        new(ExternalSystem.Jira, FailureCategory.Unknown, $"Jira's answer to the request to {operation} was not what the API describes.");

    private Uri Url(string relative) => new(Site.SiteUrl, relative);

    private HttpRequestMessage JsonRequest<T>(HttpMethod method, string relative, T body, JsonTypeInfo<T> typeInfo)
    {
        // Bytes rather than a stream: the resilience handler may send the same request again.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return new HttpRequestMessage(method, Url(relative)) { Content = content };
    }

    private async Task<T> GetJsonAsync<T>(string relative, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(relative));
        using var response = await SendAsync(request, operation, false, cancellationToken);
        return await ReadJsonAsync(response, typeInfo, operation, cancellationToken);
    }

    private async Task<T?> GetJsonOrNullAsync<T>(string relative, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(relative));
        using var response = await SendAsync(request, operation, true, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadJsonAsync(response, typeInfo, operation, cancellationToken);
    }

    private async Task<HttpResponseMessage?> SendForContentAsync(Uri url, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await SendAsync(request, operation, true, cancellationToken, HttpCompletionOption.ResponseHeadersRead, allowRedirect: true);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        string operation,
        bool notFoundIsAnswer,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        bool allowRedirect = false)
    {
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Transient,
                $"Jira could not be reached while trying to {operation}: {ex.Message}", innerException: ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Transient,
                $"Jira failed repeatedly, so calls to it are paused briefly; could not {operation}.", innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Timeout, $"Jira did not answer in time while trying to {operation}.", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Timeout, $"Jira did not answer in time while trying to {operation}.", innerException: ex);
        }

        if (response.IsSuccessStatusCode
            || (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound)
            || (allowRedirect && IsRedirect(response.StatusCode)))
        {
            return response;
        }

        using (response)
        {
            throw await JiraErrorClassifier.ToExceptionAsync(response, operation, cancellationToken);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken) ?? throw Malformed(operation);
            }
        }
        catch (JsonException ex)
        {
            throw new ExternalApiException(ExternalSystem.Jira, FailureCategory.Unknown,
                $"Jira's answer to the request to {operation} was not valid JSON.", (int)response.StatusCode, innerException: ex);
        }
    }
}
