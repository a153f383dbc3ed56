namespace ZohoJira.Core.Connections;

/// <summary>Values of <see cref="JiraConnection.WebhookState"/>.</summary>
public static class JiraWebhookStates
{
    /// <summary>The connector registered the webhook through the admin webhook API.</summary>
    public const string Registered = "Registered";

    /// <summary>The admin enters the webhook by hand (URL, secret and events shown on the page).</summary>
    public const string Manual = "Manual";

    /// <summary>Registration was attempted and failed (see <see cref="JiraConnection.LastError"/>).</summary>
    public const string Failed = "Failed";
}
