using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>The seam for comment and attachment mirroring: <see cref="JiraInboxProcessor"/> hands every verified Jira
/// comment or attachment event (not made by the connector) about a linked issue to each registered source, once per link,
/// and enqueues what they return in the transaction that marks the event processed. Register implementations in DI as
/// <see cref="IJiraEventWorkSource"/>; with none registered such events are settled as ignored.</summary>
public interface IJiraEventWorkSource
{
    /// <summary>The work this event asks for on this link (empty when the item does not mirror it).</summary>
    /// <param name="jiraEvent">The parsed event (comment or attachment ids, the issue, the actor).</param>
    /// <param name="link">A link of the event's issue that syncs (not broken, item not paused).</param>
    /// <param name="item">The link's Smart Connected Item.</param>
    IEnumerable<WorkRequest> WorkFor(JiraWebhookEvent jiraEvent, Link link, SmartItemModel item);
}
