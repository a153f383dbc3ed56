using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Common;
using ZohoJira.Core.Persistence;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Core.Zoho.Webhooks;

/// <summary>Keeps one Zoho Desk webhook subscription pointing at this app (<c>/webhooks/zoho/{url token}</c>) for the
/// events the connector acts on. Editions without webhooks (Free, Standard) refuse it; the scheduled poll covers them.</summary>
public sealed partial class ZohoWebhookSubscriptionService(
    IZohoDeskClientFactory clients,
    IDbContextFactory<ZohoJiraDbContext> dbFactory,
    IOptions<AppUrlOptions> appUrls,
    IServiceProvider services,
    ILogger<ZohoWebhookSubscriptionService> logger)
{
    public const string WebhookName = "ZohoJira connector";

    /// <summary>The events the connector subscribes to: record changes of every polled module, ticket comments and
    /// attachments, and ticket deletion.</summary>
    public static IReadOnlyList<string> Events { get; } =
    [
        "Ticket_Add", "Ticket_Update", "Ticket_Delete", "Ticket_Comment_Add", "Ticket_Comment_Update", "Ticket_Attachment_Add",
        "Contact_Add", "Contact_Update", "Account_Add", "Account_Update", "Task_Add", "Task_Update", "Call_Add", "Call_Update",
        "Event_Add", "Event_Update", "TimeEntry_Add", "TimeEntry_Update",
    ];

    /// <summary>The address Zoho should deliver to, or null when the connection has no URL token yet.</summary>
    public async Task<Uri?> GetDeliveryUrlAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.ZohoConnections.AsNoTracking().OrderBy(c => c.Id).Select(c => c.WebhookUrlToken)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = appUrls.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured
            : services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return token is null || baseUrl is null ? null : ZohoWebhookAddress.Build(baseUrl, token);
    }

    /// <summary>The connector's subscription as Zoho has it, or null.</summary>
    public async Task<ZohoWebhook?> FindAsync(CancellationToken cancellationToken = default)
    {
        var url = await GetDeliveryUrlAsync(cancellationToken).ConfigureAwait(false);
        var client = await clients.CreateAsync(cancellationToken).ConfigureAwait(false);
        var webhooks = await client.ListWebhooksAsync(cancellationToken).ConfigureAwait(false);
        return webhooks.FirstOrDefault(w => url is not null && w.Url == url);
    }

    /// <summary>Creates the subscription, or brings an existing one up to date (URL, events, enabled).</summary>
    public async Task<ZohoWebhook> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var url = await GetDeliveryUrlAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ExternalApiException(ExternalSystem.ZohoDesk, FailureCategory.Validation,
                "The app's public address is unknown: set App:PublicBaseUrl so Zoho can reach it.");
        var client = await clients.CreateAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = Events.ToDictionary(e => e, e => e.EndsWith("_Update", StringComparison.Ordinal) && e != "Ticket_Comment_Update"
            ? new JsonObject { ["includePrevState"] = true }
            : (JsonObject?)null);
        var existing = (await client.ListWebhooksAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Url == url);
        var input = new ZohoWebhookInput(url, WebhookName, true, "Changes for the ZohoJira connector (Zoho Desk to Jira sync).", subscriptions);
        var webhook = existing is null
            ? await client.CreateWebhookAsync(input, cancellationToken).ConfigureAwait(false)
            : await client.UpdateWebhookAsync(existing.Id, input, cancellationToken).ConfigureAwait(false);
        await RememberWebhookIdAsync(webhook.Id, cancellationToken).ConfigureAwait(false);
        LogSubscribed(logger, webhook.Id, Events.Count);
        return webhook;
    }

    /// <summary>Removes the connector's subscription, if any.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        if (await FindAsync(cancellationToken).ConfigureAwait(false) is { } webhook)
        {
            var client = await clients.CreateAsync(cancellationToken).ConfigureAwait(false);
            await client.DeleteWebhookAsync(webhook.Id, cancellationToken).ConfigureAwait(false);
        }

        await RememberWebhookIdAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deliveries are then accepted only when signed for this subscription.</summary>
    private async Task RememberWebhookIdAsync(string? webhookId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.ZohoConnections.ExecuteUpdateAsync(s => s.SetProperty(c => c.WebhookId, webhookId), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Information, "Zoho Desk webhook {WebhookId} delivers {Count} event types to this app")]
    private static partial void LogSubscribed(ILogger logger, string webhookId, int count);
}
