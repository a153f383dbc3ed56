namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The simulated Jira site's address and accounts. Public on purpose: they only exist inside the sandbox and the
/// Jira connection page shows them so a first run needs nothing else.</summary>
public static class JiraSandboxAccounts
{
    /// <summary>Where the site is mounted in this app: a site root (<c>/rest/api/3/...</c> lives below it).</summary>
    public const string SitePath = "/sandbox/jira";

    /// <summary>Path of the simulated media host that attachment downloads redirect to.</summary>
    public const string MediaPath = "/sandbox/jira-media";

    /// <summary>The service account the connector uses (a site administrator, so it may register webhooks).</summary>
    public const string ConnectorEmail = "zohojira-connector@sandbox.example";

    public const string ConnectorApiToken = "sandbox-jira-api-token";

    public const string ConnectorAccountId = "712020:5c0de7a1-0000-4000-8000-00000000c0de";

    /// <summary>A human Jira user (not an administrator), for acting as a person in the sandbox.</summary>
    public const string UserEmail = "mia.krystof@sandbox.example";

    public const string UserApiToken = "sandbox-jira-user-token";

    public const string UserAccountId = "5b10a2844c20165700ede21g";
}
