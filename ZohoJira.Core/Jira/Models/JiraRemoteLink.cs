namespace ZohoJira.Core.Jira.Models;

/// <summary>A link from a Jira issue to a record elsewhere (here: the Zoho Desk record). Upserted by <see cref="GlobalId"/>:
/// writing the same global id again updates the link instead of adding a second one.</summary>
public sealed record JiraRemoteLink(
    string GlobalId,
    Uri Url,
    string Title,
    string? Summary = null,
    string? Relationship = null,
    string? ApplicationType = null,
    string? ApplicationName = null,
    Uri? IconUrl = null,
    string? IconTitle = null,
    bool Resolved = false);
