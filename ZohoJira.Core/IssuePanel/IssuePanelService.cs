using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Links;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.SmartItems;
using ZohoJira.Core.Sync.AutoCreate;
using ZohoJira.Core.Sync.CatchUp;
using ZohoJira.Core.Sync.Work;
using ZohoJira.Core.Sync.ZohoToJira;
using ZohoJira.Core.Zoho;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.IssuePanel;

/// <summary>The issue panel's reads and actions: which Smart Connected Items apply to an issue and what is linked under
/// each (one Jira read per visit, one Zoho read per linked item), finding Zoho records to link, linking and unlinking.</summary>
public sealed partial class IssuePanelService(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    ZohoConnectionService zohoConnection,
    JiraConnectionService jiraConnection,
    IZohoDeskClientFactory zoho,
    SmartItemService items,
    WorkQueue queue,
    WorkSignal signal,
    LinkRefreshService refresh,
    TimeProvider time)
{
    /// <summary>What the first sync of a link made in the panel is enqueued as.</summary>
    public const string LinkTrigger = "link";

    /// <summary>How long Refresh waits for the link's sync before saying it goes on in the background.</summary>
    public static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(15);

    /// <summary>How many recent activity entries the panel shows.</summary>
    public const int ActivityCount = 20;

    /// <summary>How many search results the link dialog shows.</summary>
    public const int SearchLimit = 20;

    /// <summary>What can be said without asking a vendor (for a prerender): "not connected", or null when the panel has to
    /// read Jira and Zoho.</summary>
    public async Task<PanelView?> LoadWithoutVendorsAsync(CancellationToken cancellationToken = default) =>
        (await zohoConnection.GetStatusAsync(cancellationToken)).IsConnected ? null : PanelView.Of(PanelState.ZohoNotConnected);

    /// <summary>Reads the issue and everything linked to it.</summary>
    public async Task<PanelView> LoadAsync(string issueKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        if (!(await zohoConnection.GetStatusAsync(cancellationToken)).IsConnected)
        {
            return PanelView.Of(PanelState.ZohoNotConnected);
        }

        var jira = await jiraConnection.CreateClientAsync(cancellationToken);
        if (jira is null)
        {
            return PanelView.Of(PanelState.JiraNotConnected);
        }

        var read = await jira.GetIssueAsync(issueKey, cancellationToken);
        if (read is null)
        {
            return PanelView.Of(PanelState.IssueNotFound);
        }

        var issue = new PanelIssue(read.Id, read.Key, read.ProjectKey, read.IssueTypeId, read.IssueTypeName, read.Summary, read.Status?.Name);
        var applicable = (await items.GetAllAsync(cancellationToken)).Where(i => AppliesTo(i, issue)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var itemIds = applicable.Select(i => i.Id).ToList();
        var links = await db.Links.AsNoTracking()
            .Where(l => l.JiraIssueId == issue.Id && itemIds.Contains(l.SmartItemId))
            .ToListAsync(cancellationToken);
        var activity = await db.Activity.AsNoTracking()
            .Where(a => a.JiraIssueKey == issue.Key)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(ActivityCount)
            .Select(a => new PanelActivity(a.OccurredAt, a.Direction, a.Kind, a.Outcome, a.Message))
            .ToListAsync(cancellationToken);

        IZohoDeskClient? client = null;
        var panelItems = new List<PanelItem>();
        foreach (var item in applicable.OrderBy(i => i.Definition.Name, StringComparer.OrdinalIgnoreCase))
        {
            var d = item.Definition;
            PanelLink? panelLink = null;
            if (links.FirstOrDefault(l => l.SmartItemId == item.Id) is { } link)
            {
                client ??= await zoho.CreateAsync(cancellationToken);
                panelLink = await ReadLinkAsync(client, link, d, cancellationToken);
            }

            panelItems.Add(new PanelItem(item.Id, d.Name, d.Mode, d.ZohoModule, d.ZohoModuleName ?? d.ZohoModule,
                d.Options.Status && d.IsSynchronized, d.Paused, panelLink));
        }

        return new PanelView(PanelState.Ready, issue, panelItems, activity);
    }

    /// <summary>Whether an item applies to an issue: display-only items by project; synchronized items by project and issue
    /// type; legacy items by their (broader) scope — the project, and the issue type only when they name one.</summary>
    public static bool AppliesTo(SmartItemRecord item, PanelIssue issue)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(issue);
        var d = item.Definition;
        if (!string.Equals(d.JiraProjectKey, issue.ProjectKey, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!d.IsSynchronized)
        {
            return true;
        }

        return item.IsLegacy && d.JiraIssueTypeId is null || string.Equals(d.JiraIssueTypeId, issue.IssueTypeId, StringComparison.Ordinal);
    }

    /// <summary>The records of the item's module that match what the user typed: one Zoho search call; a Zoho record id or a
    /// pasted Zoho record address is read directly instead. Records already linked to another issue under the same item say so.</summary>
    public async Task<IReadOnlyList<PanelCandidate>> SearchAsync(Guid itemId, string text, CancellationToken cancellationToken = default)
    {
        var item = await items.GetAsync(itemId, cancellationToken) ?? throw new InvalidOperationException("This Smart Connected Item no longer exists.");
        var module = ZohoModule.FromApiName(item.Definition.ZohoModule)
            ?? throw new InvalidOperationException($"The Zoho module '{item.Definition.ZohoModule}' is not one the connector can read.");
        var query = text.Trim();
        if (query.Length == 0)
        {
            return [];
        }

        var client = await zoho.CreateAsync(cancellationToken);
        IReadOnlyList<ZohoRecord> found;
        if (RecordIdFrom(query) is { } id)
        {
            found = await client.GetRecordAsync(module, id, cancellationToken) is { } record ? [record] : [];
        }
        else
        {
            found = await client.SearchAsync(module, query, SearchLimit, cancellationToken);
        }

        var ids = found.Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var linked = await db.Links.AsNoTracking()
            .Where(l => l.SmartItemId == itemId && ids.Contains(l.ZohoRecordId))
            .Select(l => new { l.ZohoRecordId, l.JiraIssueKey })
            .ToListAsync(cancellationToken);
        return found
            .Select(r => new PanelCandidate(r.Id, r.Title, Number(r), Detail(r), linked.FirstOrDefault(l => l.ZohoRecordId == r.Id)?.JiraIssueKey))
            .ToList();
    }

    /// <summary>Links a Zoho record to the issue under an item, as the user's manual link. In the same transaction it
    /// enqueues the link's announcement (a Jira remote link to the record and to the panel, a private Zoho note) and, for a
    /// synchronized item, its first Zoho → Jira sync. Refused when the issue already has a record under that
    /// item, or the record is already linked to another issue under it.</summary>
    public async Task<PanelLinkResult> LinkAsync(Guid itemId, PanelIssue issue, string recordId, string? userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var item = await items.GetAsync(itemId, cancellationToken);
        if (item is null || !AppliesTo(item, issue))
        {
            return new(false, "This Smart Connected Item does not apply to this issue.");
        }

        var module = ZohoModule.FromApiName(item.Definition.ZohoModule)!;
        var client = await zoho.CreateAsync(cancellationToken);
        var record = await client.GetRecordAsync(module, recordId, cancellationToken);
        if (record is null)
        {
            return new(false, $"Zoho Desk has no {module.DisplayName.ToLowerInvariant()} record with the id {recordId}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clash = await db.Links.AsNoTracking()
            .Where(l => l.SmartItemId == itemId && (l.JiraIssueId == issue.Id || l.ZohoRecordId == record.Id))
            .Select(l => new { l.JiraIssueKey, l.ZohoRecordId })
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return new(false, clash.ZohoRecordId == record.Id
                ? $"{record.Title} is already linked to {clash.JiraIssueKey} under {item.Definition.Name}."
                : $"{issue.Key} is already linked to a Zoho record under {item.Definition.Name}: unlink it first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var link = new Link
        {
            Id = Guid.NewGuid(),
            SmartItemId = itemId,
            JiraIssueId = issue.Id,
            JiraIssueKey = issue.Key,
            ZohoModule = module.ApiName,
            ZohoRecordId = record.Id,
            Kind = LinkKind.Manual,
            CreatedAt = now,
            CreatedBy = userName,
        };
        db.Links.Add(link);
        db.Activity.Add(Entry(now, link, item.Definition.Name, ActivityOutcome.Applied, $"{userName ?? "A user"} linked {Describe(record)} under {item.Definition.Name}."));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone linked the same issue or record a moment earlier: the unique indexes decided.
                return new(false, $"{issue.Key} or {record.Title} was just linked by someone else under {item.Definition.Name}.");
            }

            // Once on both sides: a remote link on the issue and a private note on the record.
            await queue.EnqueueAsync(db, AutoCreateWork.Announce(link), cancellationToken);
            if (item.Definition.IsSynchronized)
            {
                await queue.EnqueueAsync(db, ZohoPullWork.For(link, trigger: LinkTrigger), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        signal.Notify();
        return new(true, item.Definition.IsSynchronized ? $"Linked {Describe(record)}; its first sync into Jira has started." : $"Linked {Describe(record)}.", link.Id);
    }

    /// <summary>Refresh of one link: for a synchronized item the link's Zoho → Jira sync runs now through the engine's work
    /// (the panel then reloads the record); a display-only link only needs the reload.</summary>
    public async Task<PanelLinkResult> RefreshAsync(PanelItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Link is not { } link)
        {
            return new(false, "Nothing is linked to refresh.");
        }

        if (!item.IsSynchronized)
        {
            return new(true, "Reloaded from Zoho Desk.", link.LinkId);
        }

        var result = await refresh.RefreshAsync(link.LinkId, RefreshWait, cancellationToken);
        return result.Outcome switch
        {
            LinkRefreshOutcome.Synced => new(true, result.Message is null ? "Synced from Zoho Desk just now." : $"Synced, with a problem: {result.Message}", link.LinkId),
            LinkRefreshOutcome.StillWaiting => new(true, "The sync is still running (Zoho or Jira is slow); it finishes in the background.", link.LinkId),
            LinkRefreshOutcome.Stopped => new(false, "This link is stopped: its Zoho record or Jira issue was deleted.", link.LinkId),
            LinkRefreshOutcome.NotFound => new(false, "This link no longer exists.", link.LinkId),
            _ => new(false, $"The sync failed: {result.Message}", link.LinkId),
        };
    }

    /// <summary>Removes a manual link (the Jira issue and the Zoho record stay). Auto-managed links cannot be unlinked.</summary>
    public async Task<PanelLinkResult> UnlinkAsync(Guid linkId, string? userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Links.Include(l => l.SmartItem).FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return new(false, "This link no longer exists.");
        }

        if (link.Kind == LinkKind.AutoManaged)
        {
            return new(false, "This link was created automatically from Zoho Desk and cannot be unlinked here.");
        }

        db.Links.Remove(link);
        db.Activity.Add(Entry(time.GetUtcNow().UtcDateTime, link, link.SmartItem?.Name, ActivityOutcome.Applied,
            $"{userName ?? "A user"} unlinked Zoho record {link.ZohoRecordId}; it no longer syncs with {link.JiraIssueKey} under {link.SmartItem?.Name}."));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, "Unlinked. The Jira issue and the Zoho record stay as they are.");
    }

    /// <summary>The contact and account of a ticket, or the account of a contact: read only when the user asks.</summary>
    public async Task<IReadOnlyList<PanelRecord>> GetRelatedAsync(PanelRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var client = await zoho.CreateAsync(cancellationToken);
        var related = new List<PanelRecord>();
        if (record.ContactId is { } contactId && record.ModuleApiName != ZohoModule.Contacts.ApiName
            && await client.GetRecordAsync(ZohoModule.Contacts, contactId, cancellationToken) is { } contact)
        {
            related.Add(ToPanelRecord(contact, ["email", "phone", "mobile"]));
        }

        if (record.AccountId is { } accountId && record.ModuleApiName != ZohoModule.Accounts.ApiName
            && await client.GetRecordAsync(ZohoModule.Accounts, accountId, cancellationToken) is { } account)
        {
            related.Add(ToPanelRecord(account, ["email", "phone", "website"]));
        }

        return related;
    }

    /// <summary>A Zoho record id typed or pasted: the digits themselves when they look like an id (Zoho ids are long; ticket
    /// numbers are short and are searched instead), or the last long number in a pasted Zoho Desk address.</summary>
    public static string? RecordIdFrom(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (WholeLongNumber().IsMatch(trimmed))
        {
            return trimmed;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            var ids = LongNumber().Matches(uri.AbsolutePath + uri.Fragment);
            return ids.Count > 0 ? ids[^1].Value : null;
        }

        return null;
    }

    private async Task<PanelLink> ReadLinkAsync(IZohoDeskClient client, Link link, SmartItemModel definition, CancellationToken cancellationToken)
    {
        PanelRecord? record = null;
        string? error = null;
        if (link.BrokenAt is null)
        {
            try
            {
                var module = ZohoModule.FromApiName(link.ZohoModule)!;
                var read = await client.GetRecordAsync(module, link.ZohoRecordId, cancellationToken);
                if (read is null)
                {
                    error = "This Zoho record was deleted or can no longer be seen by the connector.";
                }
                else
                {
                    var shown = definition.IsSynchronized
                        ? definition.Mappings.Where(m => m.ZohoField is not null).Select(m => (m.ZohoField!, m.ZohoFieldLabel))
                        : definition.DisplayFields.Select(f => (f, (string?)null));
                    record = ToPanelRecord(read, shown.ToList());
                }
            }
            catch (ExternalApiException ex)
            {
                error = ex.Message;
            }
        }

        return new PanelLink(link.Id, link.Kind, link.ZohoRecordId, link.CreatedAt, link.LastSyncedAt, link.LastError, link.BrokenAt, record, error);
    }

    private static PanelRecord ToPanelRecord(ZohoRecord record, IReadOnlyList<string> fields) =>
        ToPanelRecord(record, fields.Select(f => (f, (string?)null)).ToList());

    private static PanelRecord ToPanelRecord(ZohoRecord record, IReadOnlyList<(string ApiName, string? Label)> fields) => new(
        record.Id,
        record.Module.ApiName,
        record.Title,
        Number(record),
        record.WebUrl,
        record.GetString("status"),
        fields
            .DistinctBy(f => f.ApiName)
            .Select(f => record.TryGetField(f.ApiName, out var value) ? new PanelField(f.ApiName, f.Label ?? Humanize(f.ApiName), value) : null)
            .OfType<PanelField>()
            .ToList(),
        record.GetString("contactId"),
        record.GetString("accountId"));

    private static string? Number(ZohoRecord record) =>
        record.GetString("ticketNumber") ?? record.GetString("contractNumber");

    private static string? Detail(ZohoRecord record) =>
        new[] { record.GetString("status"), record.GetString("email") }.FirstOrDefault(s => !string.IsNullOrEmpty(s));

    private static string Describe(ZohoRecord record) =>
        Number(record) is { } number ? $"#{number} {record.Title}" : record.Title;

    /// <summary>"dueDate" → "Due date", "cf_customer_tier" → "Customer tier".</summary>
    internal static string Humanize(string apiName)
    {
        var name = apiName.StartsWith("cf_", StringComparison.Ordinal) ? apiName[3..] : apiName;
        var words = CamelBoundary().Replace(name.Replace('_', ' '), " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? apiName : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static ActivityEntry Entry(DateTime at, Link link, string? itemName, ActivityOutcome outcome, string message) => new()
    {
        OccurredAt = at,
        SmartItemId = link.SmartItemId,
        LinkId = link.Id,
        JiraIssueKey = link.JiraIssueKey,
        ZohoRecordId = link.ZohoRecordId,
        Direction = ActivityDirections.System,
        Kind = "link",
        Outcome = outcome,
        Message = message,
        Details = itemName,
    };

    [GeneratedRegex(@"\d{9,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"^\d{9,}$")]
    private static partial Regex WholeLongNumber();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CamelBoundary();
}
