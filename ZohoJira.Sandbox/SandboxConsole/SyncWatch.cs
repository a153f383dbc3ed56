using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Activity;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>The record on the other side that a console record is linked to (from the links table).</summary>
public sealed record ConsoleCounterpart(ConsoleSide Side, string Id, string Label, DateTime? LastSyncedAt, string? LastError, bool Broken, string Item);

/// <summary>One activity entry as the console shows it, with the time from the console change that caused it, when known.</summary>
public sealed record ConsoleActivity(DateTime At, string Direction, string Kind, ActivityOutcome Outcome, string Message, string? JiraIssueKey,
    string? ZohoRecordId, TimeSpan? SinceChange);

/// <summary>One line of the "what just happened" feed: a console action or an activity entry of the connector.</summary>
public sealed record ConsoleFeedEntry(DateTimeOffset At, string Who, string What, bool Failed, TimeSpan? SinceChange);

/// <summary>"Watch it sync": what the connector made of a record — its linked counterpart and its latest activity — and the
/// feed across both sides. Read from the product's own tables (links, activity), which the console only reads.</summary>
internal sealed class SyncWatch(IDbContextFactory<ZohoJiraDbContext> dbFactory, SandboxConsoleJournal journal, ZohoConsole zoho, JiraConsole jira)
{
    /// <summary>The counterparts of a console record: Jira issues for a Zoho record, Zoho records for a Jira issue.</summary>
    public async Task<IReadOnlyList<ConsoleCounterpart>> CounterpartsAsync(ConsoleSide side, string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = side == ConsoleSide.Zoho
            ? db.Links.Where(l => l.ZohoRecordId == id)
            : db.Links.Where(l => l.JiraIssueKey == id || l.JiraIssueId == id);
        var rows = await links.Select(l => new { l.JiraIssueKey, l.ZohoModule, l.ZohoRecordId, l.LastSyncedAt, l.LastError, l.BrokenAt, Item = l.SmartItem!.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(l => side == ConsoleSide.Zoho
            ? new ConsoleCounterpart(ConsoleSide.Jira, l.JiraIssueKey, jira.Label(l.JiraIssueKey), l.LastSyncedAt, l.LastError, l.BrokenAt is not null, l.Item)
            : new ConsoleCounterpart(ConsoleSide.Zoho, l.ZohoRecordId, zoho.Label(l.ZohoModule, l.ZohoRecordId), l.LastSyncedAt, l.LastError, l.BrokenAt is not null, l.Item))];
    }

    /// <summary>The newest activity entries about a record (either side's id), newest first.</summary>
    public async Task<IReadOnlyList<ConsoleActivity>> ActivityAsync(ConsoleSide side, string id, int take = 8, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = side == ConsoleSide.Zoho ? db.Activity.Where(a => a.ZohoRecordId == id) : db.Activity.Where(a => a.JiraIssueKey == id);
        var entries = await query.OrderByDescending(a => a.Id).Take(take).AsNoTracking().ToListAsync(cancellationToken);
        return [.. entries.Select(Describe)];
    }

    /// <summary>What just happened on both sides: console actions and the connector's activity, newest first.</summary>
    public async Task<IReadOnlyList<ConsoleFeedEntry>> FeedAsync(int take = 25, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Activity.OrderByDescending(a => a.Id).Take(take).AsNoTracking().ToListAsync(cancellationToken);
        var feed = entries.Select(Describe).Select(a => new ConsoleFeedEntry(new DateTimeOffset(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)),
            "Connector · " + Way(a.Direction), $"{a.Message}{Subject(a)}", a.Outcome == ActivityOutcome.Failed, a.SinceChange))
            .Concat(journal.Recent(take).Select(c => new ConsoleFeedEntry(c.At, c.Side == ConsoleSide.Zoho ? "You · Zoho agent" : "You · Jira user",
                $"{c.What} — {c.RecordLabel}{(c.Succeeded ? string.Empty : " (refused: " + c.Error + ")")}", !c.Succeeded, null)));
        return [.. feed.OrderByDescending(f => f.At).Take(take)];
    }

    /// <summary>The time from a change made in the console to the connector's entry about it, when the entry applied a
    /// change that came from a record the console changed.</summary>
    public ConsoleActivity Describe(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = new DateTimeOffset(DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc));
        var cause = entry.Outcome != ActivityOutcome.Applied ? null
            : entry.Direction == ActivityDirections.ZohoToJira && entry.ZohoRecordId is { } zohoId ? journal.LastChange(ConsoleSide.Zoho, zohoId, at)
            : entry.Direction == ActivityDirections.JiraToZoho && entry.JiraIssueKey is { } key ? journal.LastChange(ConsoleSide.Jira, key, at)
            : null;
        return new ConsoleActivity(entry.OccurredAt, entry.Direction, entry.Kind, entry.Outcome, entry.Message, entry.JiraIssueKey, entry.ZohoRecordId,
            cause is null ? null : at - cause.At);
    }

    private static string Way(string direction) => direction switch
    {
        ActivityDirections.ZohoToJira => "Zoho → Jira",
        ActivityDirections.JiraToZoho => "Jira → Zoho",
        _ => "connector",
    };

    private static string Subject(ConsoleActivity a) =>
        a.JiraIssueKey is null && a.ZohoRecordId is null ? string.Empty : $" ({string.Join(" ↔ ", new[] { a.ZohoRecordId, a.JiraIssueKey }.OfType<string>())})";
}
