using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Jira;

/// <summary>Makes a client for one site and account. Clients are cheap; make one per unit of work.</summary>
public interface IJiraClientFactory
{
    IJiraClient Create(JiraSite site);
}
