using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Sync.AutoCreate;

/// <summary>Makes a new link visible on both sides, once: a Jira remote link from the issue to the Zoho record whose status
/// icon opens the issue's ZohoJira panel (upserted by a global id, so a repeat changes nothing) and, on tickets, a private Zoho comment naming the Jira issue, its URL and
/// the sync behaviour (not added again when a comment with the issue's URL is already there). Done when
/// <see cref="Links.Link.AnnouncedAt"/> is set.</summary>
public sealed class LinkAnnounceHandler(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IZohoDeskClientFactory zohoClients,
    JiraConnectionService jiraConnections,
    Microsoft.Extensions.Options.IOptions<AppUrlOptions> appUrls,
    TimeProvider time) : IWorkHandler
{
    public string Kind => AutoCreateWork.AnnounceKind;

    public async Task<WorkOutcome> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var linkId = Guid.Parse(JsonNode.Parse(item.Payload)!["linkId"]!.GetValue<string>());
        Links.Link? link;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Links.AsNoTracking().Include(l => l.SmartItem).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        }

        if (link?.SmartItem is null || link.AnnouncedAt is not null || link.BrokenAt is not null || ZohoModule.FromApiName(link.ZohoModule) is not { } module)
        {
            return WorkOutcome.Succeeded;
        }

        var jira = await jiraConnections.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return WorkOutcome.Failed(FailureCategory.Authentication, "Jira is not connected.");
        }

        var zoho = await zohoClients.CreateAsync(cancellationToken);
        var record = await zoho.GetRecordAsync(module, link.ZohoRecordId, cancellationToken);
        if (record is null)
        {
            return WorkOutcome.Succeeded; // The pull stops the link.
        }

        var issueUrl = new Uri(jira.Site.SiteUrl, $"browse/{Uri.EscapeDataString(link.JiraIssueKey)}");
        // One remote link per Zoho record: it opens the record, and its status icon opens the issue's ZohoJira panel
        // (one write, not a second link). Without a web URL for the record the link opens the panel itself.
        var panel = PanelUrl(link.JiraIssueKey);
        var recordUrl = record.WebUrl is { } web && Uri.TryCreate(web, UriKind.Absolute, out var webUrl) ? webUrl : panel;
        if (recordUrl is not null)
        {
            var panelIcon = panel is null || PanelIconUrl() is not { } iconUrl
                ? null
                : new JiraRemoteLinkIcon(iconUrl, "Open the ZohoJira panel", panel);
            await jira.UpsertRemoteLinkAsync(link.JiraIssueId, new JiraRemoteLink(
                AutoCreateWork.Marker(zoho.OrgId, module.ApiName, link.ZohoRecordId), recordUrl,
                $"Zoho Desk {module.DisplayName}: {AutoCreateWork.FallbackSummary(record)}", ApplicationName: "Zoho Desk", StatusIcon: panelIcon), cancellationToken);
        }

        if (module == ZohoModule.Tickets)
        {
            var comments = PageExtensions.StreamAsync((next, ct) => zoho.ListCommentsAsync(module, link.ZohoRecordId, next, ct), cancellationToken);
            var note = await comments.FirstOrDefaultAsync(c => c.Content.Contains(issueUrl.ToString(), StringComparison.Ordinal), cancellationToken)
                ?? await zoho.CreateCommentAsync(module, link.ZohoRecordId, new ZohoCommentInput(Note(link, issueUrl, SmartItemMapper.ToModel(link.SmartItem)), IsPublic: false),
                    cancellationToken);
            await Comments.CommentLedger.RecordConnectorNoteAsync(dbFactory, link.Id, note.Id, item.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var activity = new SyncActivity(link, item, now);
        activity.Add("link", ActivityOutcome.Applied, $"Linked on both sides: a remote link on {link.JiraIssueKey} and a private note on the Zoho record.");
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Links.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnnouncedAt, now), cancellationToken);
            db.Activity.AddRange(activity.Entries);
            await db.SaveChangesAsync(cancellationToken);
        }

        return WorkOutcome.Succeeded;
    }

    /// <summary>The issue panel's address, when the app knows its public address.</summary>
    private Uri? PanelUrl(string issueKey) => AppRoot() is { } root ? new Uri(root, $"panel/{Uri.EscapeDataString(issueKey)}") : null;

    /// <summary>The 16×16 icon Jira shows for the panel (served from the app's static files).</summary>
    private Uri? PanelIconUrl() => AppRoot() is { } root ? new Uri(root, "img/zohojira-16.svg") : null;

    private Uri? AppRoot() =>
        appUrls.Value.PublicBaseUrl is { Length: > 0 } baseUrl && Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root) ? root : null;

    private static string Note(Links.Link link, Uri issueUrl, SmartItemModel item)
    {
        var behaviour = item.Mode switch
        {
            SyncMode.DisplayOnly => "The Jira issue shows this record; nothing is copied between them.",
            SyncMode.OneWay => "Changes to this record's mapped fields are copied to the Jira issue.",
            SyncMode.TwoWay => "Mapped fields are kept in step both ways.",
            _ => "Mapped fields are kept in step as the connector's item defines, field by field.",
        };
        var key = WebUtility.HtmlEncode(link.JiraIssueKey);
        return $"<div>Linked to Jira issue <a href=\"{WebUtility.HtmlEncode(issueUrl.ToString())}\">{key}</a> by the ZohoJira connector " +
            $"(item \"{WebUtility.HtmlEncode(item.Name)}\").</div><div>{behaviour}</div>";
    }
}
