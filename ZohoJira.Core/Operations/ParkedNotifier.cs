using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Sync.Work;

namespace ZohoJira.Core.Operations;

/// <summary>Tells admins about work parked since the last notice: one message per round (however many items), grouped
/// by cause, with a link to Sync problems. The round claims its items by moving the watermark
/// (<see cref="ConnectorState.ParkedNoticeThrough"/>) in one conditional update, so of several instances exactly one sends;
/// when sending fails the watermark moves back and the next round tries again.</summary>
public sealed partial class ParkedNotifier(
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IHttpClientFactory httpClientFactory,
    IAdminMailer mailer,
    IOptions<ParkedNotificationOptions> options,
    IOptions<AppUrlOptions> urls,
    ILogger<ParkedNotifier> logger)
{
    public const string HttpClientName = "ParkedNotifications";

    private const int MaxItems = 500;

    /// <summary>Sends a notice for newly parked work; returns how many items it covered (0: nothing new, or off).</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.Enabled || (string.IsNullOrWhiteSpace(o.WebhookUrl) && o.Recipients.Count == 0))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var through = await db.Set<ConnectorState>().AsNoTracking()
            .Where(s => s.Id == ConnectorState.SingletonId)
            .Select(s => s.ParkedNoticeThrough)
            .SingleOrDefaultAsync(cancellationToken);
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Parked && (through == null || w.UpdatedAt > through))
            .OrderBy(w => w.UpdatedAt).ThenBy(w => w.Id)
            .Take(MaxItems)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }

        var upTo = items[^1].UpdatedAt;
        if (!await MoveAsync(db, through, upTo, cancellationToken))
        {
            return 0; // Another instance took this round.
        }

        try
        {
            await SendAsync(Compose(items), o, cancellationToken);
            return items.Count;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSendFailed(logger, items.Count, ex);
            await MoveAsync(db, upTo, through, CancellationToken.None);
            return 0;
        }
    }

    private static async Task<bool> MoveAsync(ZohoJiraDbContext db, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        await db.Set<ConnectorState>()
            .Where(s => s.Id == ConnectorState.SingletonId && s.ParkedNoticeThrough == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ParkedNoticeThrough, to), cancellationToken) == 1;

    /// <summary>The notice: a subject, a plain-text body grouped by cause, and the link to Sync problems.</summary>
    internal ParkedNotice Compose(IReadOnlyList<WorkItem> items)
    {
        var problemsUrl = urls.Value.PublicBaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + "/admin/problems" : "/admin/problems";
        var groups = items
            .GroupBy(w => w.LastFailureMessage ?? "(no message)")
            .Select(g => (Cause: g.Key, Count: g.Count(), Category: g.First().LastFailureCategory))
            .OrderByDescending(g => g.Count)
            .ToList();
        var subject = items.Count == 1
            ? "ZohoJira: 1 change is parked and needs an admin"
            : string.Create(CultureInfo.InvariantCulture, $"ZohoJira: {items.Count} changes are parked and need an admin");
        var body = new StringBuilder();
        body.AppendLine("The connector stopped retrying these changes; retry them after fixing the cause, or skip them.").AppendLine();
        foreach (var (cause, count, category) in groups)
        {
            body.Append(CultureInfo.InvariantCulture, $"- {cause} — {count} item(s)");
            body.AppendLine(category == FailureCategory.Authentication ? " (reconnect the vendor on its connection page)" : string.Empty);
        }

        body.AppendLine().Append("Sync problems: ").AppendLine(problemsUrl);
        return new ParkedNotice(subject, body.ToString(), problemsUrl, items.Count,
            [.. groups.Select(g => new ParkedNoticeGroup(g.Cause, g.Count))]);
    }

    private async Task SendAsync(ParkedNotice notice, ParkedNotificationOptions o, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(o.WebhookUrl))
        {
            var payload = new JsonObject
            {
                ["text"] = notice.Subject,
                ["event"] = "work.parked",
                ["count"] = notice.Count,
                ["problemsUrl"] = notice.ProblemsUrl,
                ["groups"] = new JsonArray([.. notice.Groups.Select(g => (JsonNode)new JsonObject { ["cause"] = g.Cause, ["count"] = g.Count })]),
            };
            using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsJsonAsync(o.WebhookUrl, payload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The notification webhook answered {(int)response.StatusCode}.");
            }
        }

        if (o.Recipients.Count > 0)
        {
            await mailer.SendAsync(new AdminMail(o.Recipients, notice.Subject, notice.Body), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifying admins of {Count} parked item(s) failed; the next round tries again.")]
    private static partial void LogSendFailed(ILogger logger, int count, Exception exception);
}

/// <summary>What one notice says.</summary>
internal sealed record ParkedNotice(string Subject, string Body, string ProblemsUrl, int Count, IReadOnlyList<ParkedNoticeGroup> Groups);

internal sealed record ParkedNoticeGroup(string Cause, int Count);
