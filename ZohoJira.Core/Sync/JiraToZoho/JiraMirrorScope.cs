using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.JiraToZoho;

/// <summary>Which Jira comments and files go back to Zoho: only on two-way and custom items that are not paused, with the
/// option on, and on a Zoho module that takes comments (or files). One-way and display-only items send nothing back.</summary>
public static class JiraMirrorScope
{
    public static bool SendsBack(SmartItemModel item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Mode is SyncMode.TwoWay or SyncMode.Custom && !item.Paused;
    }

    public static bool MirrorsComments(SmartItemModel item, string zohoModule) =>
        SendsBack(item) && item.Options.Comments && ZohoModule.FromApiName(zohoModule) is { HasComments: true };

    public static bool MirrorsAttachments(SmartItemModel item, string zohoModule) =>
        SendsBack(item) && item.Options.Attachments && ZohoModule.FromApiName(zohoModule) is { AcceptsAttachments: true };

    /// <summary>The connector's own Jira account (its comments and files are mirrors of Zoho ones).</summary>
    public static async Task<string?> ConnectorAccountIdAsync(ZohoJiraDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.JiraConnections.AsNoTracking().OrderBy(c => c.Id).Select(c => c.AccountId).FirstOrDefaultAsync(cancellationToken);
    }
}
