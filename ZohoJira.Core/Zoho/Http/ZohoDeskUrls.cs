using System.Globalization;
using System.Text;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Every Zoho Desk and Zoho Accounts URL the client calls, relative to the host; query strings are built here
/// and nowhere else.</summary>
internal static class ZohoDeskUrls
{
    public const int PageSize = 100;

    /// <summary>The largest <c>from</c> the search API accepts (Zoho's OpenAPI: 0-999); past it the window is split.</summary>
    public const int MaxSearchFrom = 999;

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Organizations() => "api/v1/organizations";

    public static string Record(ZohoModule module, string id) =>
        module == ZohoModule.TimeEntries
            ? TimeEntry(id)
            : $"api/v1/{module.ApiName}/{Escape(id)}";

    public static string Records(ZohoModule module) => $"api/v1/{module.ApiName}";

    public static string TicketTimeEntries(string ticketId) => $"api/v1/tickets/{Escape(ticketId)}/timeEntry";

    public static string TicketTimeEntriesChanged(string ticketId, DateTimeOffset from, DateTimeOffset to, int offset) =>
        Query(TicketTimeEntries(ticketId), ("modifiedTimeRange", Range(from, to)), ("orderBy", "ASC"),
            ("from", offset.ToString(CultureInfo.InvariantCulture)), ("limit", "99"));

    public static string Search(ZohoModule module, DateTimeOffset from, DateTimeOffset to, int offset) =>
        Query($"api/v1/{module.ApiName}/search", ("modifiedTimeRange", Range(from, to)), ("sortBy", "modifiedTime"),
            ("from", offset.ToString(CultureInfo.InvariantCulture)), ("limit", PageSize.ToString(CultureInfo.InvariantCulture)));

    public static string SearchText(ZohoModule module, string text, int limit) =>
        Query($"api/v1/{module.ApiName}/search", ("_all", text), ("sortBy", "relevance"), ("from", "0"),
            ("limit", limit.ToString(CultureInfo.InvariantCulture)));

    public static string ContractsByModifiedTime(int offset) =>
        Query("api/v1/contracts", ("sortBy", "-modifiedTime"), ("from", offset.ToString(CultureInfo.InvariantCulture)),
            ("limit", PageSize.ToString(CultureInfo.InvariantCulture)));

    public static string ContractsByName(string text, int limit) =>
        Query("api/v1/contracts", ("contractName", text), ("from", "0"), ("limit", limit.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Departments and agents are read 200 at a time, Zoho's maximum for both.</summary>
    public const int DirectoryPageSize = 200;

    /// <summary>The header value that makes <c>organizationModules</c> include custom modules.</summary>
    public const string CustomModuleFeatureFlag = "customModule";

    public static string OrganizationModules() => "api/v1/organizationModules";

    public static string Departments(int offset) =>
        Query("api/v1/departments", ("from", offset.ToString(CultureInfo.InvariantCulture)), ("limit", DirectoryPageSize.ToString(CultureInfo.InvariantCulture)));

    public static string Agents(int offset) =>
        Query("api/v1/agents", ("from", offset.ToString(CultureInfo.InvariantCulture)), ("limit", DirectoryPageSize.ToString(CultureInfo.InvariantCulture)));

    public static string Layouts(ZohoModule module, string? departmentId) => departmentId is null
        ? Query("api/v1/layouts", ("module", module.ApiName))
        : Query("api/v1/layouts", ("module", module.ApiName), ("departmentId", departmentId));

    public static string Layout(string layoutId) => $"api/v1/layouts/{Escape(layoutId)}";

    public static string Fields(ZohoModule module) => Query("api/v1/organizationFields", ("module", module.ApiName));

    public static string Comments(ZohoModule module, string recordId, int offset) =>
        Query($"api/v1/{module.ApiName}/{Escape(recordId)}/comments", ("from", offset.ToString(CultureInfo.InvariantCulture)),
            ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("sortBy", "commentedTime"));

    public static string NewComment(ZohoModule module, string recordId) => $"api/v1/{module.ApiName}/{Escape(recordId)}/comments";

    public static string Comment(ZohoModule module, string recordId, string commentId) =>
        $"api/v1/{module.ApiName}/{Escape(recordId)}/comments/{Escape(commentId)}";

    public static string Attachments(ZohoModule module, string recordId, int offset) =>
        Query($"api/v1/{module.ApiName}/{Escape(recordId)}/attachments", ("from", offset.ToString(CultureInfo.InvariantCulture)),
            ("limit", PageSize.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Only tickets document <c>isPublic</c> on upload.</summary>
    public static string Upload(ZohoModule module, string recordId, bool isPublic) => module == ZohoModule.Tickets
        ? Query($"api/v1/{module.ApiName}/{Escape(recordId)}/attachments", ("isPublic", isPublic ? "true" : "false"))
        : $"api/v1/{module.ApiName}/{Escape(recordId)}/attachments";

    public const int ThreadPageSize = 200;

    public static string Threads(string ticketId, int offset) =>
        Query($"api/v1/tickets/{Escape(ticketId)}/threads", ("from", offset.ToString(CultureInfo.InvariantCulture)),
            ("limit", ThreadPageSize.ToString(CultureInfo.InvariantCulture)));

    public static string Thread(string ticketId, string threadId) =>
        $"api/v1/tickets/{Escape(ticketId)}/threads/{Escape(threadId)}";

    public static string Webhooks() => "api/v1/webhooks";

    public static string Webhook(string webhookId) => $"api/v1/webhooks/{Escape(webhookId)}";

    public static string Jwks() => ".well-known/jwks.json";

    public static string Token() => "oauth/v2/token";

    public static string Revoke(string refreshToken) => Query("oauth/v2/token/revoke", ("token", refreshToken));

    public static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"{from.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)},{to.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)}";

    private static string TimeEntry(string compositeId)
    {
        var parts = compositeId.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new ArgumentException("A time entry id is written as ticketId:timeEntryId.", nameof(compositeId));
        }

        return $"api/v1/tickets/{Escape(parts[0])}/timeEntry/{Escape(parts[1])}";
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Query(string path, params (string Name, string Value)[] parameters)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }
}
