namespace ZohoJira.Core.Zoho.Models;

/// <summary>A module as the organization has it (standard or custom), from <c>GET /api/v1/organizationModules</c>.
/// <see cref="Module"/> is the connector's own module when it is one of the nine the connector polls (Tickets, Contacts,
/// Accounts, Calls, Events, Tasks, Time Entry, Products, Contracts); null for the others (Agents, custom modules).</summary>
public sealed record ZohoOrganizationModule(
    string Id,
    string ApiName,
    string DisplayName,
    string? SingularLabel,
    string? NameField,
    bool IsCustom,
    ZohoModule? Module)
{
    /// <summary>True for the nine modules whose records the connector can poll (and so auto-create from).</summary>
    public bool IsPollingModule => Module is not null;
}
