namespace ZohoJira.Core.Connections;

/// <summary>The Zoho OAuth scopes the connector asks for: exactly what its Zoho Desk calls need. The list is derived in a
/// test from the scopes Zoho's OpenAPI files give for each operation the client calls (every scope an operation lists is
/// asked for), plus the <c>Desk.webhooks.*</c> names Zoho's webhook guide uses for the same operations.</summary>
public static class ZohoScopes
{
    /// <summary>Each scope with the reason the connector needs it.</summary>
    public static IReadOnlyList<(string Scope, string Reason)> All { get; } =
    [
        ("Desk.basic.READ", "the organization, departments, agents and field metadata"),
        ("Desk.settings.READ", "layouts, ticket statuses, contracts and webhook subscriptions"),
        ("Desk.settings.CREATE", "subscribing to change notifications"),
        ("Desk.settings.UPDATE", "updating contracts and the change-notification subscription"),
        ("Desk.settings.DELETE", "removing the change-notification subscription"),
        ("Desk.search.READ", "finding changed records and the issue panel's search"),
        ("Desk.tickets.READ", "tickets, their comments, threads, attachments and time entries"),
        ("Desk.tickets.CREATE", "creating tickets"),
        ("Desk.tickets.UPDATE", "writing Jira's changes, comments and files to tickets and time entries"),
        ("Desk.contacts.READ", "contacts and accounts"),
        ("Desk.contacts.UPDATE", "writing Jira's changes to contacts and accounts"),
        ("Desk.tasks.READ", "tasks"),
        ("Desk.tasks.UPDATE", "writing Jira's changes to tasks"),
        ("Desk.calls.READ", "calls"),
        ("Desk.calls.UPDATE", "writing Jira's changes to calls"),
        ("Desk.events.READ", "events, and webhook subscriptions on editions that file them under events"),
        ("Desk.events.CREATE", "subscribing to change notifications (editions that file them under events)"),
        ("Desk.events.UPDATE", "writing Jira's changes to events; updating the subscription"),
        ("Desk.events.DELETE", "removing the change-notification subscription (editions that file it under events)"),
        ("Desk.activities.tasks.READ", "tasks (Zoho lists this scope beside Desk.tasks.READ)"),
        ("Desk.activities.tasks.UPDATE", "tasks (Zoho lists this scope beside Desk.tasks.UPDATE)"),
        ("Desk.activities.calls.READ", "calls and tasks (Zoho lists this scope beside Desk.calls.READ)"),
        ("Desk.activities.calls.UPDATE", "calls and tasks (Zoho lists this scope beside Desk.calls.UPDATE)"),
        ("Desk.activities.events.READ", "events (Zoho lists this scope beside Desk.events.READ)"),
        ("Desk.activities.events.UPDATE", "events (Zoho lists this scope beside Desk.events.UPDATE)"),
        ("Desk.contracts.READ", "contract comments (Zoho lists this scope beside Desk.settings.READ)"),
        ("Desk.contracts.UPDATE", "writing comments to contracts (Zoho lists this scope beside Desk.settings.UPDATE)"),
        ("Desk.products.READ", "products"),
        ("Desk.products.UPDATE", "writing Jira's changes to products"),
        ("Desk.webhooks.READ", "webhook subscriptions, as Zoho's webhook guide names the scope"),
        ("Desk.webhooks.CREATE", "subscribing to change notifications, as the webhook guide names it"),
        ("Desk.webhooks.UPDATE", "repairing the subscription, as the webhook guide names it"),
        ("Desk.webhooks.DELETE", "removing the subscription, as the webhook guide names it"),
    ];

    /// <summary>The scopes as Zoho's "Generate Code" form expects them: comma-separated.</summary>
    public static string CommaSeparated { get; } = string.Join(',', All.Select(s => s.Scope));

    /// <summary>True when the granted scopes (Zoho's answer, comma- or space-separated) include <paramref name="scope"/>,
    /// directly or through the family's <c>ALL</c> (or <c>WRITE</c> for create, update and delete).</summary>
    public static bool Covers(IReadOnlySet<string> granted, string scope)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(scope);
        if (granted.Contains(scope))
        {
            return true;
        }

        var dot = scope.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var family = scope[..dot];
        var operation = scope[(dot + 1)..];
        return granted.Contains(family + ".ALL")
            || (operation is "CREATE" or "UPDATE" or "DELETE" && granted.Contains(family + ".WRITE"));
    }

    /// <summary>Splits Zoho's scope list (comma- or space-separated) into a set.</summary>
    public static IReadOnlySet<string> Parse(string? scopes) =>
        (scopes ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
