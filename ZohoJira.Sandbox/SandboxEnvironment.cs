using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ZohoJira.Core.Connections;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Sandbox;

/// <summary>The sandbox as the product sees it (<see cref="ISandboxEnvironment"/>): where the simulated vendors are
/// reached, the Self Client's "Generate code", and the Jira site's accounts.</summary>
public sealed class SandboxEnvironment(IServiceProvider services, ZohoSandboxAccounts accounts) : ISandboxEnvironment
{
    public ZohoDataCenterHosts ZohoHosts()
    {
        var baseUrl = BaseUrl(services);
        return new ZohoDataCenterHosts(ZohoDataCenters.Sandbox, new Uri(baseUrl + ZohoSandbox.AccountsBase), new Uri(baseUrl + ZohoSandbox.DeskBase));
    }

    public SandboxZohoCode GenerateZohoCode(string scopes)
    {
        var code = accounts.GenerateCode(scopes: scopes);
        return new SandboxZohoCode(code.ClientId, code.ClientSecret, code.Code);
    }

    public SandboxJiraSite JiraSite() => new(
        BaseUrl(services) + JiraSandboxAccounts.SitePath,
        JiraSandboxAccounts.ConnectorEmail,
        JiraSandboxAccounts.ConnectorApiToken,
        JiraSandboxAccounts.UserEmail,
        JiraSandboxAccounts.UserApiToken);

    /// <summary><c>Sandbox:BaseUrl</c>, else the first address the server listens on (a wildcard address named as
    /// localhost), without a trailing slash.</summary>
    public static string BaseUrl(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configured = services.GetRequiredService<IOptions<SandboxHostOptions>>().Value.BaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The sandbox base URL is not configured and the server has no listening address yet.");
        return baseUrl
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
