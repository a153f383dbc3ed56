namespace ZohoJira.Core.Connections;

/// <summary>The built-in sandbox (simulated Zoho Accounts, Zoho Desk and Jira Cloud) as the product sees it. It is
/// registered only while the sandbox is on and implemented outside the product code, so pages and services ask for it
/// optionally (<c>GetService</c>) and never name a simulator type.</summary>
public interface ISandboxEnvironment
{
    /// <summary>The hosts of the simulated Zoho data center (data-center code <see cref="ZohoDataCenters.Sandbox"/>).</summary>
    ZohoDataCenterHosts ZohoHosts();

    /// <summary>What a Self Client's "Generate code" tab gives: its client id and secret and a fresh single-use code
    /// granting <paramref name="scopes"/>.</summary>
    SandboxZohoCode GenerateZohoCode(string scopes);

    /// <summary>The simulated Jira site and the accounts on it.</summary>
    SandboxJiraSite JiraSite();
}

/// <summary>Self Client credentials and a grant code minted by the sandbox. A class, not a record: no generated
/// <c>ToString</c> that would print the secret.</summary>
public sealed class SandboxZohoCode(string clientId, string clientSecret, string code)
{
    public string ClientId { get; } = clientId;

    public string ClientSecret { get; } = clientSecret;

    public string Code { get; } = code;
}

/// <summary>The sandbox Jira site: its URL, the connector's service account and a human user. The credentials are public
/// on purpose and exist only while the sandbox is on.</summary>
public sealed class SandboxJiraSite(string siteUrl, string connectorEmail, string connectorApiToken, string userEmail, string userApiToken)
{
    public string SiteUrl { get; } = siteUrl;

    public string ConnectorEmail { get; } = connectorEmail;

    public string ConnectorApiToken { get; } = connectorApiToken;

    public string UserEmail { get; } = userEmail;

    public string UserApiToken { get; } = userApiToken;
}
