using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ZohoJira.Web.Security;

/// <summary>Behind a load balancer: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured only from the proxies
/// named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), so the
/// sign-in limit sees the real client and cookies are <c>Secure</c> behind TLS termination. Nothing configured: only a
/// proxy on the same machine (loopback) is trusted.</summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddZohoJiraForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var proxies = List(section, "KnownProxies");
        var networks = List(section, "KnownNetworks");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (section["ForwardedHeaders"] is { Length: > 0 } which)
            {
                o.ForwardedHeaders = Enum.Parse<ForwardedHeaders>(which, ignoreCase: true);
            }

            o.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
            }

            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>An array in JSON, or one comma-separated value (handy in an environment variable).</summary>
    private static List<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { Length: > 0 } single ? single.Split(',') : child.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
