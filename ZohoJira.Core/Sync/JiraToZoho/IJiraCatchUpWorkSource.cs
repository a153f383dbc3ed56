using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Links;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>The seam for what else the scheduled Jira catch-up should look at when a linked issue changed (comments and
/// attachments, whose webhooks can be lost like any other): <see cref="CatchUp.JiraCatchUpService"/> hands every changed
/// issue it reads to each registered source, once per syncing link on a two-way or custom item, and enqueues what they
/// return in the transaction that moves its cursor. The source does no I/O here: it returns work (e.g. a scan of the
/// issue's comments) that runs later on the queue. Register implementations in DI as <see cref="IJiraCatchUpWorkSource"/>.</summary>
public interface IJiraCatchUpWorkSource
{
    /// <summary>Issue fields the source needs in the search results (added to the catch-up's field list; keep it short).</summary>
    IReadOnlyCollection<string> Fields { get; }

    /// <summary>The work this changed issue asks for on this link (empty when the item does not mirror it).</summary>
    /// <param name="issue">The issue as the search returned it: id, key, <c>updated</c> and the <see cref="Fields"/> asked for.</param>
    /// <param name="link">A link of the issue that syncs (not broken, item running).</param>
    /// <param name="item">The link's Smart Connected Item (two-way or custom).</param>
    IEnumerable<WorkRequest> WorkFor(JiraIssue issue, Link link, SmartItemModel item);
}
