using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ZohoJira.Core.Common;
using ZohoJira.Core.Jira;
using ZohoJira.Core.Jira.Models;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Persistence;

namespace ZohoJira.Core.Connections;

/// <summary>The one Jira connection: save and test the site + account + API token (remembering the account id, so the
/// connector recognises its own changes), register the admin webhook with a generated secret and a JQL filter on the
/// projects that Smart Connected Items use, and record webhook traffic.</summary>
public sealed class JiraConnectionService(IDbContextFactory<ZohoJiraDbContext> dbFactory, IJiraClientFactory clients, TimeProvider time)
{
    public const string WebhookName = "ZohoJira";

    public async Task<JiraConnectionStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return c is null
            ? null
            : new JiraConnectionStatus(c.SiteUrl, c.Email, !string.IsNullOrEmpty(c.ApiToken), c.AccountId, c.AccountDisplayName, c.ConnectedAt,
                c.WebhookId, c.WebhookState, c.WebhookRegisteredAt, c.LastWebhookEventAt, c.LastError);
    }

    /// <summary>Calls <c>/myself</c> with the given credentials (the stored token when <paramref name="apiToken"/> is empty).</summary>
    public async Task<JiraUser> TestAsync(string siteUrl, string email, string? apiToken, CancellationToken cancellationToken = default)
    {
        var site = await ResolveSiteAsync(siteUrl, email, apiToken, cancellationToken);
        return await clients.Create(site).GetMyselfAsync(cancellationToken);
    }

    /// <summary>Tests the credentials, then stores them with the account they act as. Throws on a failed test; nothing is saved then.</summary>
    public async Task<JiraUser> SaveAsync(string siteUrl, string email, string? apiToken, CancellationToken cancellationToken = default)
    {
        var site = await ResolveSiteAsync(siteUrl, email, apiToken, cancellationToken);
        var me = await clients.Create(site).GetMyselfAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new JiraConnection { SiteUrl = site.SiteUrl.ToString().TrimEnd('/'), Email = site.Email };
            db.JiraConnections.Add(c);
        }

        var siteChanged = !string.Equals(c.SiteUrl, site.SiteUrl.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        c.SiteUrl = site.SiteUrl.ToString().TrimEnd('/');
        c.Email = site.Email;
        c.ApiToken = site.ApiToken;
        c.AccountId = me.AccountId;
        c.AccountDisplayName = me.DisplayName;
        c.ConnectedAt ??= now;
        c.UpdatedAt = now;
        c.LastError = null;
        if (siteChanged)
        {
            // A webhook belongs to its site: registering again is needed on the new one.
            c.WebhookId = null;
            c.WebhookState = null;
            c.WebhookRegisteredAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return me;
    }

    /// <summary>Deletes the stored connection (and, best effort, the webhook the connector registered).</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return;
        }

        if (c.WebhookId is not null && c.WebhookState == JiraWebhookStates.Registered && Site(c) is { } site)
        {
            try
            {
                await clients.Create(site).DeleteWebhookAsync(c.WebhookId, cancellationToken);
            }
            catch (ExternalApiException)
            {
                // The site may be unreachable or the token revoked; the local connection goes regardless.
            }
        }

        db.JiraConnections.Remove(c);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A client for the stored connection; null when not connected.</summary>
    public async Task<IJiraClient?> CreateClientAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return c is not null && c.ConnectedAt is not null && Site(c) is { } site ? clients.Create(site) : null;
    }

    /// <summary>The JQL that limits webhooks to the projects Smart Connected Items use; null when none is configured yet.</summary>
    public async Task<string?> BuildWebhookJqlAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.SmartItems.AsNoTracking().Select(s => s.JiraProjectKey).Distinct().ToListAsync(cancellationToken);
        keys = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? null : $"project in ({string.Join(", ", keys.Select(Quote))})";
    }

    /// <summary>Registers (or re-registers) the admin webhook pointing at <paramref name="receiverUrl"/> with a new secret
    /// (<see cref="EnsureWebhookFilterCurrentAsync"/> keeps the current one, so deliveries Jira is still retrying verify too).
    /// Remembers the URL and the JQL filter it registered. Throws on failure after recording it on the connection.</summary>
    public async Task<JiraWebhook> RegisterWebhookAsync(Uri receiverUrl, CancellationToken cancellationToken = default) =>
        await RegisterWebhookAsync(receiverUrl, keepSecret: false, cancellationToken);

    /// <summary>Registers the webhook again when the set of projects Smart Connected Items use changed since it was
    /// registered (its JQL filter no longer matches), keeping the URL and the secret. Returns true when it re-registered;
    /// false when nothing changed or the connector did not register the webhook itself (a manual one shows the new JQL on
    /// the Jira page).</summary>
    public async Task<bool> EnsureWebhookFilterCurrentAsync(CancellationToken cancellationToken = default)
    {
        string? url;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var c = await db.JiraConnections.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
            if (c is null || c.WebhookState != JiraWebhookStates.Registered || c.WebhookUrl is null)
            {
                return false;
            }

            var jql = await BuildWebhookJqlAsync(cancellationToken);
            if (string.Equals(jql, c.WebhookJql, StringComparison.Ordinal))
            {
                return false;
            }

            url = c.WebhookUrl;
        }

        await RegisterWebhookAsync(new Uri(url), keepSecret: true, cancellationToken);
        return true;
    }

    private async Task<JiraWebhook> RegisterWebhookAsync(Uri receiverUrl, bool keepSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiverUrl);
        var jql = await BuildWebhookJqlAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("Connect Jira before registering the webhook.");
        var site = Site(c) ?? throw new InvalidOperationException("The stored Jira connection has no API token.");
        var client = clients.Create(site);
        var secret = keepSecret && !string.IsNullOrEmpty(c.WebhookSecret) ? c.WebhookSecret : NewSecret();
        try
        {
            if (c.WebhookId is not null && c.WebhookState == JiraWebhookStates.Registered)
            {
                await client.DeleteWebhookAsync(c.WebhookId, cancellationToken);
            }

            var hook = await client.RegisterWebhookAsync(
                new JiraWebhookRegistration(WebhookName, receiverUrl, JiraWebhookEvents.Subscribed, jql, secret), cancellationToken);
            c.WebhookId = hook.Id;
            c.WebhookSecret = secret;
            c.WebhookState = JiraWebhookStates.Registered;
            c.WebhookRegisteredAt = time.GetUtcNow().UtcDateTime;
            c.WebhookJql = jql;
            c.WebhookUrl = receiverUrl.ToString();
            c.LastError = null;
            c.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return hook;
        }
        catch (ExternalApiException ex)
        {
            c.WebhookState = JiraWebhookStates.Failed;
            c.LastError = ex.Category == FailureCategory.Permission
                ? "The account may not register webhooks (it needs the Administer Jira permission). Enter the webhook by hand instead."
                : ex.Message;
            c.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>What to enter in Jira by hand. Keeps the current secret; makes one when there is none (or when
    /// <paramref name="newSecret"/>), and marks the webhook as entered manually unless the connector registered it.</summary>
    public async Task<JiraWebhookInstructions> GetManualInstructionsAsync(Uri receiverUrl, bool newSecret = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiverUrl);
        var jql = await BuildWebhookJqlAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("Connect Jira before setting up the webhook.");
        if (string.IsNullOrEmpty(c.WebhookSecret) || newSecret)
        {
            c.WebhookSecret = NewSecret();
            c.WebhookState = JiraWebhookStates.Manual;
            c.WebhookId = null;
            c.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new JiraWebhookInstructions(receiverUrl, c.WebhookSecret, JiraWebhookEvents.Subscribed, jql);
    }

    /// <summary>The secret deliveries must be signed with and the connector's own account id; null when no webhook is set up.</summary>
    public async Task<(string Secret, string? AccountId)?> GetWebhookVerificationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.JiraConnections.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return c?.WebhookSecret is { Length: > 0 } secret ? (secret, c.AccountId) : null;
    }

    /// <summary>Records that a verified webhook delivery arrived.</summary>
    public async Task RecordWebhookEventAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.JiraConnections.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastWebhookEventAt, now), cancellationToken);
    }

    /// <summary>A project key as a JQL value (quoted unless it is plain letters and digits).</summary>
    internal static string Quote(string key) => key.All(char.IsAsciiLetterOrDigit) ? key : $"\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JiraSite? Site(JiraConnection c) =>
        string.IsNullOrEmpty(c.ApiToken) || !Uri.TryCreate(c.SiteUrl, UriKind.Absolute, out var url) ? null : new JiraSite(url, c.Email, c.ApiToken);

    private async Task<JiraSite> ResolveSiteAsync(string siteUrl, string email, string? apiToken, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(siteUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Enter the site URL, e.g. https://your-site.atlassian.net.", nameof(siteUrl));
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            throw new ArgumentException("Enter the e-mail of the Jira account the connector uses.", nameof(email));
        }

        var token = apiToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            token = await db.JiraConnections.AsNoTracking().OrderBy(x => x.Id).Select(x => x.ApiToken).FirstOrDefaultAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("Enter the API token of the Jira account.", nameof(apiToken));
            }
        }

        return new JiraSite(url, email.Trim(), token.Trim());
    }
}
