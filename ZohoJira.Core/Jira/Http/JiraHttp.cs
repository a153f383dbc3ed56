namespace ZohoJira.Core.Jira.Http;

/// <summary>Names shared by the client registration and the client.</summary>
internal static class JiraHttp
{
    /// <summary>The IHttpClientFactory client every Jira call goes through.</summary>
    public const string ClientName = "Jira";

    public const string AtlassianTokenHeader = "X-Atlassian-Token";
}
