namespace ZohoJira.Web.Sandbox.ZohoDesk;

/// <summary>The simulated Zoho Accounts and Zoho Desk services, mounted only while the sandbox is on.</summary>
public static class ZohoSandbox
{
    public static IServiceCollection AddZohoSandbox(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapZohoSandbox(this IEndpointRouteBuilder endpoints) => endpoints;
}
