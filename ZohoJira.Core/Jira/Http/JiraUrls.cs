using System.Globalization;
using System.Text;

namespace ZohoJira.Core.Jira.Http;

/// <summary>Every Jira URL the client calls, relative to the site root. Nothing else builds paths or query strings.</summary>
internal static class JiraUrls
{
    public const int ProjectPageSize = 50;

    public const int CreateMetaPageSize = 200;

    public const int CommentPageSize = 100;

    public static string Myself() => "rest/api/3/myself";

    public static string Projects(long startAt) => Query("rest/api/3/project/search", ("startAt", Num(startAt)), ("maxResults", Num(ProjectPageSize)), ("orderBy", "key"));

    public static string Fields() => "rest/api/3/field";

    public static string CreateMetaIssueTypes(string project, long startAt) =>
        Query($"rest/api/3/issue/createmeta/{Seg(project)}/issuetypes", ("startAt", Num(startAt)), ("maxResults", Num(CreateMetaPageSize)));

    public static string CreateMetaFields(string project, string issueTypeId, long startAt) =>
        Query($"rest/api/3/issue/createmeta/{Seg(project)}/issuetypes/{Seg(issueTypeId)}", ("startAt", Num(startAt)), ("maxResults", Num(CreateMetaPageSize)));

    public const int UserSearchPageSize = 50;

    public static string EditMeta(string issue) => $"rest/api/3/issue/{Seg(issue)}/editmeta";

    public static string ProjectStatuses(string project) => $"rest/api/3/project/{Seg(project)}/statuses";

    public static string UserSearch(string query, int maxResults) =>
        Query("rest/api/3/user/search", ("query", query), ("startAt", "0"), ("maxResults", Num(maxResults)));

    public static string CreateIssue() => "rest/api/3/issue";

    public static string Issue(string issue) => Query($"rest/api/3/issue/{Seg(issue)}", ("expand", "renderedFields"));

    public static string IssueFields(string issue, IEnumerable<string> fields) =>
        Query($"rest/api/3/issue/{Seg(issue)}", ("fields", string.Join(',', fields)));

    public static string EditIssue(string issue) => $"rest/api/3/issue/{Seg(issue)}";

    public static string Search(string jql, IReadOnlyList<string>? fields, int maxResults, bool rendered, string? nextPageToken) =>
        Query("rest/api/3/search/jql",
            ("jql", jql),
            ("nextPageToken", nextPageToken),
            ("maxResults", Num(maxResults)),
            ("fields", fields is { Count: > 0 } ? string.Join(',', fields) : "*navigable"),
            ("expand", rendered ? "renderedFields" : null));

    public static string Transitions(string issue) => Query($"rest/api/3/issue/{Seg(issue)}/transitions", ("expand", "transitions.fields"));

    public static string DoTransition(string issue) => $"rest/api/3/issue/{Seg(issue)}/transitions";

    public static string Comments(string issue, long startAt) =>
        Query($"rest/api/3/issue/{Seg(issue)}/comment", ("startAt", Num(startAt)), ("maxResults", Num(CommentPageSize)), ("orderBy", "created"), ("expand", "renderedBody,properties"));

    public static string AddComment(string issue) => Query($"rest/api/3/issue/{Seg(issue)}/comment", ("expand", "renderedBody"));

    public static string Comment(string issue, string commentId) => Query($"rest/api/3/issue/{Seg(issue)}/comment/{Seg(commentId)}", ("expand", "renderedBody"));

    public static string Attachments(string issue) => $"rest/api/3/issue/{Seg(issue)}/attachments";

    public static string AttachmentContent(string attachmentId) => $"rest/api/3/attachment/content/{Seg(attachmentId)}";

    public static string AttachmentContentDirect(string attachmentId) => Query($"rest/api/3/attachment/content/{Seg(attachmentId)}", ("redirect", "false"));

    public static string RemoteLinks(string issue) => $"rest/api/3/issue/{Seg(issue)}/remotelink";

    public static string IssueProperty(string issue, string key) => $"rest/api/3/issue/{Seg(issue)}/properties/{Seg(key)}";

    public static string Webhooks() => "rest/webhooks/1.0/webhook";

    public static string Webhook(string id) => $"rest/webhooks/1.0/webhook/{Seg(id)}";

    private static string Seg(string value) => Uri.EscapeDataString(value);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return builder.ToString();
    }
}
