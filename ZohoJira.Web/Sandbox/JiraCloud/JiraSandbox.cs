namespace ZohoJira.Web.Sandbox.JiraCloud;

/// <summary>The simulated Jira Cloud site, mounted only while the sandbox is on.</summary>
public static class JiraSandbox
{
    public static IServiceCollection AddJiraSandbox(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapJiraSandbox(this IEndpointRouteBuilder endpoints) => endpoints;
}
