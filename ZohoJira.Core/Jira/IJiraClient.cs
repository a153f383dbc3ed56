using System.Text.Json.Nodes;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Jira;

/// <summary>The connector's view of one Jira Cloud site (REST API v3 plus the admin webhook API). Every failure is an
/// <see cref="ExternalApiException"/> with <see cref="ExternalSystem.Jira"/>; <c>Get...</c> of a single item returns null
/// when Jira answers 404 (which also means "you may not see it"). Rich text goes in and out as ADF documents.</summary>
public interface IJiraClient
{
    JiraSite Site { get; }

    /// <summary>The account the connector acts as.</summary>
    Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of the projects the account can see; pass the previous page's continuation for the next.</summary>
    Task<Page<JiraProject>> GetProjectsAsync(string? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>The issue types the account can create in a project.</summary>
    Task<IReadOnlyList<JiraIssueType>> GetIssueTypesAsync(string projectIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>All system and custom fields of the site.</summary>
    Task<IReadOnlyList<JiraField>> GetFieldsAsync(CancellationToken cancellationToken = default);

    /// <summary>The fields on the create screen of a project + issue type, with required flags and allowed values.</summary>
    Task<IReadOnlyList<JiraFieldMeta>> GetCreateFieldsAsync(string projectIdOrKey, string issueTypeId, CancellationToken cancellationToken = default);

    /// <summary>The fields on the edit screen of an existing issue (the same shape as the create screen's), with required
    /// flags, operations and allowed values; null when the issue is gone or hidden. Jira only answers this for an issue,
    /// so a caller that has a project + issue type takes a sample issue of that pair.</summary>
    Task<IReadOnlyList<JiraFieldMeta>?> GetEditFieldsAsync(string issueIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>The statuses of a project's workflows, per issue type, each with its status category.</summary>
    Task<IReadOnlyList<JiraIssueTypeStatuses>> GetProjectStatusesAsync(string projectIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>Active users whose display name or e-mail address starts with <paramref name="query"/> (at most
    /// <paramref name="maxResults"/>). E-mail addresses are only present where the user's privacy settings show them.</summary>
    Task<IReadOnlyList<JiraUser>> SearchUsersAsync(string query, int maxResults = 50, CancellationToken cancellationToken = default);

    /// <summary>The active user with this e-mail address, or null. A user whose address is hidden is still found when the
    /// search for the address returns exactly that one user (Jira matched it on the hidden address).</summary>
    Task<JiraUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Creates an issue. Never retried automatically: a repeated create would make a second issue.</summary>
    Task<JiraCreatedIssue> CreateIssueAsync(JiraIssueCreate issue, CancellationToken cancellationToken = default);

    /// <summary>Reads an issue with all fields (and Jira's HTML rendering of rich-text fields); null when gone or hidden.</summary>
    Task<JiraIssue?> GetIssueAsync(string issueIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>Reads an issue with only the named fields (no rendered HTML): what the sync engine uses, so a read costs
    /// what it needs. Null when gone or hidden.</summary>
    Task<JiraIssue?> GetIssueAsync(string issueIdOrKey, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default);

    /// <summary>Sets the given fields only (field id → value); fields not named are left untouched. No call when empty.</summary>
    Task EditIssueAsync(string issueIdOrKey, JsonObject changedFields, CancellationToken cancellationToken = default);

    /// <summary>One page of an enhanced JQL search; the continuation is Jira's <c>nextPageToken</c>.</summary>
    Task<Page<JiraIssue>> SearchIssuesAsync(JiraSearchRequest request, string? continuation = null, CancellationToken cancellationToken = default);

    /// <summary>The transitions available from the issue's current status, with their screen fields.</summary>
    Task<IReadOnlyList<JiraTransition>> GetTransitionsAsync(string issueIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>Performs a transition, with the screen fields it requires (e.g. <c>resolution</c>).</summary>
    Task TransitionIssueAsync(string issueIdOrKey, string transitionId, JsonObject? fields = null, CancellationToken cancellationToken = default);

    /// <summary>One page of the issue's comments, oldest first.</summary>
    Task<Page<JiraComment>> GetCommentsAsync(string issueIdOrKey, string? continuation = null, CancellationToken cancellationToken = default);

    Task<JiraComment?> GetCommentAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken = default);

    /// <summary>Adds a comment whose body is an ADF document. Never retried automatically.</summary>
    Task<JiraComment> AddCommentAsync(string issueIdOrKey, JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>Adds a comment with its visibility and properties. Never retried automatically.</summary>
    Task<JiraComment> AddCommentAsync(string issueIdOrKey, JiraCommentInput comment, CancellationToken cancellationToken = default);

    Task<JiraComment> UpdateCommentAsync(string issueIdOrKey, string commentId, JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>Replaces a comment's body, visibility and the given properties.</summary>
    Task<JiraComment> UpdateCommentAsync(string issueIdOrKey, string commentId, JiraCommentInput comment, CancellationToken cancellationToken = default);

    /// <summary>Uploads one file, streamed from <paramref name="content"/>. Never retried automatically (the stream is consumed).</summary>
    Task<JiraAttachment> UploadAttachmentAsync(string issueIdOrKey, string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Streams an attachment's bytes; null when gone. A redirect to another host is not followed with our
    /// credentials: the content is then asked for directly from the site.</summary>
    Task<JiraAttachmentDownload?> DownloadAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates (by global id) a remote link on the issue.</summary>
    Task<JiraRemoteLinkResult> UpsertRemoteLinkAsync(string issueIdOrKey, JiraRemoteLink link, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JiraStoredRemoteLink>> GetRemoteLinksAsync(string issueIdOrKey, CancellationToken cancellationToken = default);

    /// <summary>An issue property's value; null when the property (or the issue) does not exist.</summary>
    Task<JsonNode?> GetIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default);

    Task SetIssuePropertyAsync(string issueIdOrKey, string propertyKey, JsonNode value, CancellationToken cancellationToken = default);

    /// <summary>Registers an admin webhook (needs the Administer Jira permission).</summary>
    Task<JiraWebhook> RegisterWebhookAsync(JiraWebhookRegistration registration, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JiraWebhook>> GetWebhooksAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes an admin webhook; a webhook that is already gone counts as deleted.</summary>
    Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default);
}
