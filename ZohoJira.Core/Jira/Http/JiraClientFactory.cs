using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Jira.Http;

internal sealed class JiraClientFactory(IHttpClientFactory httpClientFactory) : IJiraClientFactory
{
    public IJiraClient Create(JiraSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new JiraClient(httpClientFactory.CreateClient(JiraHttp.ClientName), site);
    }
}
