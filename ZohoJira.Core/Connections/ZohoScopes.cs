namespace ZohoJira.Core.Connections;

/// <summary>The Zoho OAuth scopes the connector asks for: exactly what its Zoho Desk calls need.</summary>
public static class ZohoScopes
{
    /// <summary>Each scope with the reason the connector needs it.</summary>
    public static IReadOnlyList<(string Scope, string Reason)> All { get; } =
    [
        ("Desk.basic.READ", "organizations, departments, agents and field metadata"),
        ("Desk.settings.READ", "layouts and ticket statuses"),
        ("Desk.tickets.ALL", "tickets, comments, threads, attachments and time entries"),
        ("Desk.contacts.ALL", "contacts and accounts"),
        ("Desk.tasks.ALL", "tasks"),
        ("Desk.calls.ALL", "calls"),
        ("Desk.events.ALL", "events (and webhook subscriptions on some editions)"),
        ("Desk.products.ALL", "products"),
        ("Desk.contracts.ALL", "contracts"),
        ("Desk.search.READ", "finding changed records and the issue panel's search"),
        ("Desk.webhooks.ALL", "subscribing to near-real-time change notifications"),
    ];

    /// <summary>The scopes as Zoho's "Generate Code" form expects them: comma-separated.</summary>
    public static string CommaSeparated { get; } = string.Join(',', All.Select(s => s.Scope));
}
