namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The simulated Zoho Accounts and Zoho Desk services, mounted only while the sandbox is on:
/// Zoho Accounts at <c>/sandbox/zoho/accounts</c>, Zoho Desk at <c>/sandbox/zoho/desk</c>.</summary>
public static class ZohoSandbox
{
    public const string AccountsBase = "/sandbox/zoho/accounts";

    public const string DeskBase = "/sandbox/zoho/desk";

    public static IServiceCollection AddZohoSandbox(this IServiceCollection services)
    {
        services.AddSingleton<ZohoSandboxAccounts>();
        services.AddSingleton<ZohoSandboxFaults>();
        services.AddSingleton<ZohoSandboxSigningKey>();
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var state = new ZohoSandboxState(time);
            ZohoSandboxSeed.Apply(state, time.GetUtcNow());
            return state;
        });
        services.AddSingleton<ZohoSandboxGate>();
        services.AddSingleton<ZohoSandboxWebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ZohoSandboxWebhookDispatcher>());
        // Its request log lines would carry the delivery address, whose last segment is the webhook URL token.
        services.AddHttpClient(ZohoSandboxWebhookDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        return services;
    }

    public static IEndpointRouteBuilder MapZohoSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accounts = endpoints.MapGroup(AccountsBase).ExcludeFromDescription().AllowAnonymous();
        ZohoSandboxAccountsEndpoints.Map(accounts);

        var desk = endpoints.MapGroup(DeskBase).ExcludeFromDescription().AllowAnonymous();
        desk.MapGet("/.well-known/jwks.json", (ZohoSandboxSigningKey key) => Results.Content(key.Jwks(), "application/json"));

        var api = desk.MapGroup("/api/v1");
        var gate = endpoints.ServiceProvider.GetRequiredService<ZohoSandboxGate>();
        api.AddEndpointFilter(gate.InvokeAsync);
        ZohoSandboxScopeTable.Apply(api);
        ZohoSandboxRecordEndpoints.Map(api);
        ZohoSandboxTicketEndpoints.Map(api);
        ZohoSandboxChildEndpoints.Map(api);
        ZohoSandboxLayoutEndpoints.Map(api);
        ZohoSandboxWebhookEndpoints.Map(api);
        return endpoints;
    }
}
