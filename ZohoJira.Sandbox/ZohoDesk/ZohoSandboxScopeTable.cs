namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The OAuth scopes each simulated Desk route needs, as Zoho's OpenAPI files list them for the operation (every
/// scope listed is required). <see cref="Apply"/> puts them on the routes as <see cref="ZohoSandboxScopes"/>; the OpenAPI
/// conformance test holds this table to Zoho's files, and a route missing here fails it. Routes Zoho documents outside
/// those files need what the route they belong to needs.</summary>
internal static class ZohoSandboxScopeTable
{
    private static readonly Dictionary<(string Method, string Path), string[]> Scopes = new()
    {
        [("GET", "/api/v1/organizations")] = ["Desk.basic.READ", "Desk.settings.READ"],
        [("GET", "/api/v1/departments")] = ["Desk.basic.READ", "Desk.settings.READ"],
        [("GET", "/api/v1/agents")] = ["Desk.basic.READ", "Desk.settings.READ"],
        [("GET", "/api/v1/organizationModules")] = ["Desk.settings.READ"],
        [("GET", "/api/v1/organizationFields")] = ["Desk.settings.READ"],
        [("GET", "/api/v1/tickets")] = ["Desk.tickets.READ"],
        [("POST", "/api/v1/tickets")] = ["Desk.tickets.CREATE"],
        [("GET", "/api/v1/tickets/{ticketId}")] = ["Desk.tickets.READ"],
        [("PATCH", "/api/v1/tickets/{ticketId}")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/tickets/search")] = ["Desk.search.READ", "Desk.tickets.READ"],
        [("GET", "/api/v1/contacts")] = ["Desk.contacts.READ"],
        [("POST", "/api/v1/contacts")] = ["Desk.contacts.CREATE"],
        [("GET", "/api/v1/contacts/{contactId}")] = ["Desk.contacts.READ"],
        [("PATCH", "/api/v1/contacts/{contactId}")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/contacts/search")] = ["Desk.contacts.READ", "Desk.search.READ"],
        [("GET", "/api/v1/accounts")] = ["Desk.contacts.READ"],
        [("POST", "/api/v1/accounts")] = ["Desk.contacts.CREATE"],
        [("GET", "/api/v1/accounts/{accountId}")] = ["Desk.contacts.READ"],
        [("PATCH", "/api/v1/accounts/{accountId}")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/accounts/search")] = ["Desk.contacts.READ", "Desk.search.READ"],
        [("GET", "/api/v1/tasks")] = ["Desk.activities.tasks.READ", "Desk.tasks.READ"],
        [("POST", "/api/v1/tasks")] = ["Desk.activities.tasks.CREATE", "Desk.tasks.CREATE"],
        [("GET", "/api/v1/tasks/{taskId}")] = ["Desk.activities.tasks.READ", "Desk.tasks.READ"],
        [("PATCH", "/api/v1/tasks/{taskId}")] = ["Desk.activities.tasks.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/tasks/search")] = ["Desk.activities.calls.READ", "Desk.activities.events.READ", "Desk.activities.tasks.READ", "Desk.search.READ", "Desk.tasks.READ"],
        [("GET", "/api/v1/calls")] = ["Desk.activities.calls.READ", "Desk.calls.READ"],
        [("POST", "/api/v1/calls")] = ["Desk.activities.calls.CREATE", "Desk.calls.CREATE"],
        [("GET", "/api/v1/calls/{callId}")] = ["Desk.activities.calls.READ", "Desk.calls.READ"],
        [("PATCH", "/api/v1/calls/{callId}")] = ["Desk.activities.calls.UPDATE", "Desk.calls.UPDATE"],
        [("GET", "/api/v1/calls/search")] = ["Desk.calls.READ", "Desk.search.READ"],
        [("GET", "/api/v1/events")] = ["Desk.activities.events.READ", "Desk.events.READ"],
        [("POST", "/api/v1/events")] = ["Desk.activities.events.CREATE", "Desk.events.CREATE"],
        [("GET", "/api/v1/events/{eventId}")] = ["Desk.activities.events.READ", "Desk.events.READ"],
        [("PATCH", "/api/v1/events/{eventId}")] = ["Desk.activities.events.UPDATE", "Desk.events.UPDATE"],
        [("GET", "/api/v1/events/search")] = ["Desk.events.READ", "Desk.search.READ"],
        [("GET", "/api/v1/products")] = ["Desk.products.READ", "Desk.settings.READ"],
        [("POST", "/api/v1/products")] = ["Desk.products.CREATE", "Desk.settings.CREATE"],
        [("GET", "/api/v1/products/{productId}")] = ["Desk.products.READ", "Desk.settings.READ"],
        [("PATCH", "/api/v1/products/{productId}")] = ["Desk.products.UPDATE", "Desk.settings.UPDATE"],
        [("GET", "/api/v1/products/search")] = ["Desk.products.READ", "Desk.search.READ", "Desk.settings.READ"],
        [("GET", "/api/v1/contracts")] = ["Desk.settings.READ"],
        [("POST", "/api/v1/contracts")] = ["Desk.settings.CREATE"],
        [("GET", "/api/v1/contracts/{id}")] = ["Desk.settings.READ"],
        [("PATCH", "/api/v1/contracts/{id}")] = ["Desk.settings.UPDATE"],
        [("POST", "/api/v1/tickets/moveToTrash")] = ["Desk.tickets.DELETE"],
        [("GET", "/api/v1/tickets/{ticketId}/comments")] = ["Desk.tickets.READ"],
        [("POST", "/api/v1/tickets/{ticketId}/comments")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/tickets/{ticketId}/comments/{commentId}")] = ["Desk.tickets.READ"],
        [("PATCH", "/api/v1/tickets/{ticketId}/comments/{commentId}")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/accounts/{accountId}/comments")] = ["Desk.contacts.READ"],
        [("POST", "/api/v1/accounts/{accountId}/comments")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/accounts/{accountId}/comments/{commentId}")] = ["Desk.contacts.READ"],
        [("PUT", "/api/v1/accounts/{accountId}/comments/{commentId}")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/contacts/{contactId}/comments")] = ["Desk.contacts.READ"],
        [("POST", "/api/v1/contacts/{contactId}/comments")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/contacts/{contactId}/comments/{commentId}")] = ["Desk.contacts.READ"],
        [("PUT", "/api/v1/contacts/{contactId}/comments/{commentId}")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/calls/{entityId}/comments")] = ["Desk.activities.calls.READ", "Desk.tasks.READ"],
        [("POST", "/api/v1/calls/{callId}/comments")] = ["Desk.activities.calls.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/calls/{callId}/comments/{commentId}")] = ["Desk.activities.calls.READ", "Desk.tasks.READ"],
        [("PUT", "/api/v1/calls/{callId}/comments/{commentId}")] = ["Desk.activities.calls.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/events/{eventId}/comments")] = ["Desk.activities.events.READ", "Desk.tasks.READ"],
        [("POST", "/api/v1/events/{eventId}/comments")] = ["Desk.activities.events.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/events/{eventId}/comments/{commentId}")] = ["Desk.activities.events.READ", "Desk.tasks.READ"],
        [("PUT", "/api/v1/events/{eventId}/comments/{commentId}")] = ["Desk.activities.events.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/tasks/{entityId}/comments")] = ["Desk.activities.tasks.READ", "Desk.tasks.READ"],
        [("POST", "/api/v1/tasks/{entityId}/comments")] = ["Desk.activities.tasks.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/tasks/{entityId}/comments/{commentId}")] = ["Desk.activities.tasks.READ", "Desk.tasks.READ"],
        [("PUT", "/api/v1/tasks/{entityId}/comments/{commentId}")] = ["Desk.activities.tasks.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/contracts/{contractId}/comments")] = ["Desk.contracts.READ", "Desk.settings.READ"],
        [("POST", "/api/v1/contracts/{contractId}/comments")] = ["Desk.contracts.UPDATE", "Desk.settings.UPDATE"],
        [("GET", "/api/v1/contracts/{contractId}/comments/{commentId}")] = ["Desk.contracts.READ", "Desk.settings.READ"],
        [("PUT", "/api/v1/contracts/{contractId}/comments/{commentId}")] = ["Desk.contracts.UPDATE", "Desk.settings.UPDATE"],
        [("PATCH", "/api/v1/contracts/{contractId}/comments/{commentId}")] = ["Desk.contracts.UPDATE", "Desk.settings.UPDATE"],
        [("GET", "/api/v1/accounts/{accountId}/attachments")] = ["Desk.contacts.UPDATE"],
        [("POST", "/api/v1/accounts/{accountId}/attachments")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/accounts/{accountId}/attachments/{attachmentId}/content")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/contacts/{contactId}/attachments")] = ["Desk.contacts.UPDATE"],
        [("POST", "/api/v1/contacts/{contactId}/attachments")] = ["Desk.contacts.UPDATE"],
        [("GET", "/api/v1/contacts/{contactId}/attachments/{attachmentId}/content")] = ["Desk.contacts.UPDATE"],
        [("POST", "/api/v1/calls/{callId}/attachments")] = ["Desk.activities.calls.UPDATE", "Desk.tasks.UPDATE"],
        [("GET", "/api/v1/events/{eventId}/attachments")] = ["Desk.tasks.UPDATE"],
        [("POST", "/api/v1/events/{eventId}/attachments")] = ["Desk.tasks.UPDATE"],
        [("GET", "/api/v1/events/{eventId}/attachments/{attachmentId}/content")] = ["Desk.tasks.UPDATE"],
        [("GET", "/api/v1/products/{productId}/attachments")] = ["Desk.products.UPDATE"],
        [("POST", "/api/v1/products/{productId}/attachments")] = ["Desk.products.UPDATE"],
        [("GET", "/api/v1/products/{productId}/attachments/{attachmentId}/content")] = ["Desk.products.UPDATE"],
        [("GET", "/api/v1/tasks/{taskId}/attachments")] = ["Desk.tasks.UPDATE"],
        [("POST", "/api/v1/tasks/{taskId}/attachments")] = ["Desk.tasks.UPDATE"],
        [("GET", "/api/v1/tasks/{taskId}/attachments/{attachmentId}/content")] = ["Desk.tasks.UPDATE"],
        [("GET", "/api/v1/tickets/{ticketId}/attachments")] = ["Desk.tickets.READ"],
        [("POST", "/api/v1/tickets/{ticketId}/attachments")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/tickets/{ticketId}/attachments/{attachmentId}/content")] = ["Desk.tickets.READ"],
        [("GET", "/api/v1/tickets/{ticketId}/threads")] = ["Desk.tickets.READ"],
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}")] = ["Desk.tickets.READ"],
        [("GET", "/api/v1/tickets/{ticketId}/threads/{threadId}/attachments/{attachmentId}/content")] = ["Desk.tickets.READ"],
        [("GET", "/api/v1/tickets/{caseId}/timeEntry")] = ["Desk.tickets.READ"],
        [("POST", "/api/v1/tickets/{ticketId}/timeEntry")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/tickets/{ticketId}/timeEntry/{timeEntryId}")] = ["Desk.tickets.READ"],
        [("PUT", "/api/v1/tickets/{ticketId}/timeEntry/{teId}")] = ["Desk.tickets.UPDATE"],
        [("GET", "/api/v1/layouts")] = ["Desk.basic.READ"],
        [("GET", "/api/v1/layouts/{layoutId}")] = ["Desk.basic.READ"],
        [("GET", "/api/v1/webhooks")] = ["Desk.events.READ", "Desk.settings.READ"],
        [("GET", "/api/v1/webhooks/{webhookId}")] = ["Desk.events.READ", "Desk.settings.READ"],
        [("POST", "/api/v1/webhooks")] = ["Desk.events.CREATE", "Desk.settings.CREATE"],
        [("PATCH", "/api/v1/webhooks/{webhookId}")] = ["Desk.events.UPDATE", "Desk.settings.UPDATE"],
        [("DELETE", "/api/v1/webhooks/{webhookId}")] = ["Desk.events.DELETE", "Desk.settings.DELETE"],
    };

    /// <summary>Adds each route's scopes to its metadata (a convention on the <c>/api/v1</c> group).</summary>
    public static void Apply(RouteGroupBuilder api) => ((IEndpointConventionBuilder)api).Add(endpoint =>
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } pattern })
        {
            return;
        }

        var path = pattern[pattern.IndexOf("/api/v1", StringComparison.Ordinal)..];
        foreach (var method in endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList())
        {
            if (Scopes.TryGetValue((method, path), out var scopes))
            {
                endpoint.Metadata.Add(new ZohoSandboxScopes(scopes));
            }
        }
    });
}
