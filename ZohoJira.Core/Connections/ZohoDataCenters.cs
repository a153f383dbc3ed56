using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoJira.Core.Connections;

/// <summary>The data-center table: each Zoho data center's accounts server and Desk host. Every host can be replaced by
/// configuration (<c>Zoho:DataCenters:&lt;dc&gt;:AccountsUrl</c> / <c>:DeskUrl</c>) for private endpoints and tests. The
/// <c>sandbox</c> data center is offered while a sandbox is registered (<see cref="ISandboxEnvironment"/>), and its hosts come
/// from it.</summary>
public sealed class ZohoDataCenters(IConfiguration configuration, IServiceProvider services)
{
    public const string Sandbox = "sandbox";

    /// <summary>The real data centers, in the order the connection form offers them.</summary>
    public static IReadOnlyList<string> Real { get; } = ["us", "eu", "in", "au", "jp", "cn", "uk", "ca", "sa"];

    // Facts from Zoho's multi-DC pages (see ../shared/reference/zoho-desk-api.md §2). Canada's Desk host is documented as
    // desk.zohocloud.ca (one SDK uses desk.zoho.ca); UK's Desk host follows the accounts host: both can be overridden.
    private static readonly Dictionary<string, (string Accounts, string Desk)> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = ("https://accounts.zoho.com", "https://desk.zoho.com"),
        ["eu"] = ("https://accounts.zoho.eu", "https://desk.zoho.eu"),
        ["in"] = ("https://accounts.zoho.in", "https://desk.zoho.in"),
        ["au"] = ("https://accounts.zoho.com.au", "https://desk.zoho.com.au"),
        ["jp"] = ("https://accounts.zoho.jp", "https://desk.zoho.jp"),
        ["cn"] = ("https://accounts.zoho.com.cn", "https://desk.zoho.com.cn"),
        ["uk"] = ("https://accounts.zoho.uk", "https://desk.zoho.uk"),
        ["ca"] = ("https://accounts.zohocloud.ca", "https://desk.zohocloud.ca"),
        ["sa"] = ("https://accounts.zoho.sa", "https://desk.zoho.sa"),
    };

    /// <summary>True when the app hosts the simulators, so the <c>sandbox</c> data center can be offered.</summary>
    public bool SandboxEnabled => services.GetService<ISandboxEnvironment>() is not null;

    /// <summary>The data centers an admin may pick: the real ones, plus <c>sandbox</c> while the sandbox is on.</summary>
    public IReadOnlyList<string> Available => SandboxEnabled ? [.. Real, Sandbox] : Real;

    public bool IsKnown(string? dataCenter) =>
        dataCenter is not null && (Defaults.ContainsKey(dataCenter) || (SandboxEnabled && IsSandbox(dataCenter)));

    public static bool IsSandbox(string? dataCenter) => string.Equals(dataCenter, Sandbox, StringComparison.OrdinalIgnoreCase);

    /// <summary>The hosts of a data center, configuration overrides applied.</summary>
    public ZohoDataCenterHosts Resolve(string dataCenter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataCenter);
        var code = dataCenter.Trim().ToLowerInvariant();
        string accounts;
        string desk;
        if (IsSandbox(code))
        {
            var sandbox = services.GetService<ISandboxEnvironment>()?.ZohoHosts()
                ?? throw new ArgumentException("The sandbox data center is offered only while the sandbox is on.", nameof(dataCenter));
            (accounts, desk) = (sandbox.AccountsUrl.ToString(), sandbox.DeskUrl.ToString());
        }
        else if (Defaults.TryGetValue(code, out var hosts))
        {
            (accounts, desk) = hosts;
        }
        else
        {
            throw new ArgumentException($"Unknown Zoho data center '{dataCenter}'.", nameof(dataCenter));
        }

        accounts = configuration[$"Zoho:DataCenters:{code}:AccountsUrl"] is { Length: > 0 } a ? a : accounts;
        desk = configuration[$"Zoho:DataCenters:{code}:DeskUrl"] is { Length: > 0 } d ? d : desk;
        return new ZohoDataCenterHosts(code, new Uri(accounts.TrimEnd('/')), new Uri(desk.TrimEnd('/')));
    }
}
