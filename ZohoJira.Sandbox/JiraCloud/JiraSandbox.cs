namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The simulated Jira site, mounted only while the sandbox is on, at <see cref="JiraSandboxAccounts.SitePath"/>
/// (a site root: <c>/rest/api/3/...</c> and <c>/rest/webhooks/1.0/webhook</c> live below it).</summary>
public static class JiraSandbox
{
    public static IServiceCollection AddJiraSandbox(this IServiceCollection services)
    {
        services.AddSingleton<JiraSandboxState>();
        services.AddSingleton<JiraSandboxFaults>();
        services.AddSingleton<JiraSandboxMedia>();
        services.AddSingleton<JiraSandboxWebhooks>();
        services.AddHostedService(sp => sp.GetRequiredService<JiraSandboxWebhooks>());
        services.AddHttpClient(JiraSandboxWebhooks.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        return services;
    }

    public static IEndpointRouteBuilder MapJiraSandbox(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup(JiraSandboxAccounts.SitePath)
            .AddEndpointFilter<JiraSandboxGate>()
            .ExcludeFromDescription()
            .DisableAntiforgery()
            .AllowAnonymous();
        JiraSandboxMetaEndpoints.Map(site);
        JiraSandboxIssueEndpoints.Map(site);
        JiraSandboxCommentEndpoints.Map(site);
        JiraSandboxAttachmentEndpoints.Map(site);
        JiraSandboxLinkEndpoints.Map(site);
        JiraSandboxWebhookAdminEndpoints.Map(site);

        // The media host that attachment downloads redirect to: a pre-signed URL, no credentials.
        endpoints.MapGet(JiraSandboxAccounts.MediaPath + "/file/{id}/binary", JiraSandboxAttachmentEndpoints.MediaAsync)
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }
}
