namespace ZohoJira.Core.Jira.Models;

/// <summary>A link from a Jira issue to a record elsewhere (here: the Zoho Desk record). Upserted by <see cref="GlobalId"/>:
/// writing the same global id again updates the link instead of adding a second one. <see cref="StatusIcon"/> is a second,
/// clickable icon Jira shows beside the link (its <c>link</c> is the one extra address a remote link can carry).</summary>
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
    bool Resolved = false,
    JiraRemoteLinkIcon? StatusIcon = null);

/// <summary>A remote link's status icon: a 16×16 image, its tooltip and the address a click on it opens.</summary>
public sealed record JiraRemoteLinkIcon(Uri Url16X16, string Title, Uri Link);
